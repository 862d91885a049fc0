"""Index a freshly built site with Pagefind, so search works offline with no server code.

Pagefind holds a whole index in memory (about 3 GB for 10,000 articles), so a large archive
is indexed in shards of SHARD_PAGES article pages, one Pagefind run after another; the
first shard is the main bundle in pagefind/, the others sit beside it (pagefind-2/, ...)
and `pagefind/shards.json` lists them for the search page to merge.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from breachwatch.failures import BuildError
from breachwatch.search_index import IndexFormatError, canonicalise_index

# Pagefind writes its index and UI here, next to the pages; the search page loads it from there.
BUNDLE_DIR = "pagefind"
SHARDS_FILE = "shards.json"
# Article pages per Pagefind run: about 650 MB of Pagefind memory for 2,500 pages.
SHARD_PAGES = 2500
INDEXED_PAGES = "articles/*/index.html"  # only article pages carry data-pagefind-body


def pagefind_command(site: Path, output: Path) -> list[str]:
    """The Pagefind command line: the binary shipped by the pinned `pagefind[bin]` wheel."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(output)]


def bundle_name(shard: int) -> str:
    """Folder of a shard's bundle at the site root: pagefind, pagefind-2, pagefind-3, ..."""
    return BUNDLE_DIR if shard == 1 else f"{BUNDLE_DIR}-{shard}"


def plan_shards(pages: list[str], size: int = SHARD_PAGES) -> list[list[str]]:
    """Article pages in sorted order, cut into shards of at most `size` pages."""
    ordered = sorted(pages)
    return [ordered[start : start + size] for start in range(0, len(ordered), size)] or [[]]


def _run(site: Path, output: Path) -> None:
    """One Pagefind run; any failure fails the build and keeps output/ as it was."""
    try:
        result = subprocess.run(
            pagefind_command(site, output), capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise BuildError(f"could not run Pagefind: {error}") from error
    if result.returncode != 0 or not (output / "pagefind.js").is_file():
        raise BuildError(
            f"Pagefind failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    try:
        canonicalise_index(output)
    except (IndexFormatError, OSError, ValueError) as error:
        raise BuildError(f"could not make the search index reproducible: {error}") from error


def _link_pages(site: Path, pages: list[str], into: Path) -> None:
    """A throw-away site holding only one shard's pages at their own paths (hard links)."""
    for page in pages:
        target = into / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:
            shutil.copyfile(site / page, target)


def index_site(site: Path, shard_pages: int = SHARD_PAGES) -> None:
    """Index a staged site's article pages with Pagefind, in shards if there are many."""
    pages = [str(p.relative_to(site)) for p in site.glob(INDEXED_PAGES)]
    shards = plan_shards(pages, shard_pages)
    if len(shards) == 1:
        _run(site, site / BUNDLE_DIR)
    else:
        for number, shard in enumerate(shards, start=1):
            with tempfile.TemporaryDirectory(prefix="pagefind-shard-") as scratch:
                _link_pages(site, shard, Path(scratch))
                _run(Path(scratch), site / bundle_name(number))
    merged = [f"{bundle_name(n)}/" for n in range(2, len(shards) + 1)]
    (site / BUNDLE_DIR / SHARDS_FILE).write_text(json.dumps(merged), encoding="utf-8")
