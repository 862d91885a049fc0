"""Index a freshly built site with Pagefind, so search works offline with no server code."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from breachwatch.build import BuildError
from breachwatch.search_index import IndexFormatError, canonicalise_index

# Pagefind writes its index and UI here, next to the pages; the search page loads it from there.
BUNDLE_DIR = "pagefind"


def pagefind_command(site: Path) -> list[str]:
    """The Pagefind command line: the binary shipped by the pinned `pagefind[bin]` wheel."""
    return [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE_DIR]


def index_site(site: Path) -> None:
    """Run Pagefind on a staged site; any failure fails the build and keeps output/ as it was."""
    try:
        result = subprocess.run(
            pagefind_command(site), capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise BuildError(f"could not run Pagefind: {error}") from error
    if result.returncode != 0 or not (site / BUNDLE_DIR / "pagefind.js").is_file():
        raise BuildError(
            f"Pagefind failed (exit {result.returncode}):\n{result.stdout}{result.stderr}"
        )
    try:
        canonicalise_index(site / BUNDLE_DIR)
    except (IndexFormatError, OSError, ValueError) as error:
        raise BuildError(f"could not make the search index reproducible: {error}") from error
