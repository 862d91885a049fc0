"""Build the site into a temp folder and serve it on 127.0.0.1, for browser tests and budgets."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Page type -> how to find one page of that type in the output (first match, sorted).
PAGE_TYPES: dict[str, str] = {
    "home": "index.html",
    "article": "articles/*/index.html",
    "forces": "forces/index.html",
    "force": "forces/*/index.html",
    "breaches": "breaches/index.html",
    "breach": "breaches/*/index.html",
    "methodology": "methodology/index.html",
    "about": "about/index.html",
    "404": "404.html",
    "cases": "cases/index.html",
    "case": "cases/*/index.html",
    "data": "data/index.html",
    "search": "search/index.html",
}


def copy_project(tmp: Path, extra_seeds: dict[str, str] | None = None) -> dict[str, Path]:
    """Seeds (plus any extra ones), content pages and the cases file in a temp dir."""
    shutil.copytree(ROOT / "seeds", tmp / "seeds")
    for name, text in (extra_seeds or {}).items():
        (tmp / "seeds" / name).write_text(text, encoding="utf-8")
    (tmp / "content").mkdir()
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    for name in ("cases.yaml", "corrections"):
        source = ROOT / "content" / name
        if source.is_dir():
            shutil.copytree(source, tmp / "content" / name)
        elif source.exists():
            shutil.copy(source, tmp / "content" / name)
    return {"seeds": tmp / "seeds", "content": tmp / "content", "output": tmp / "output"}


def copy_example(tmp: Path, name: str) -> dict[str, Path]:
    """An example investigation's seeds and content in a temp dir, with its own settings (its
    data files stay where they are: its settings name them)."""
    site = ROOT / "examples" / name
    shutil.copytree(site / "seeds", tmp / "seeds")
    shutil.copytree(site / "content", tmp / "content",
                    ignore=shutil.ignore_patterns("articles", ".*"))
    return {"seeds": tmp / "seeds", "content": tmp / "content", "output": tmp / "output",
            "settings": site / "pelicanconf.py", "data": site / "data"}


def build_apart(dirs: dict[str, Path]) -> subprocess.CompletedProcess:
    """Run `breachwatch build` in a process of its own: its data files are another
    investigation's, and a process reads one investigation's (its loaders keep them)."""
    return subprocess.run(
        [sys.executable, "-m", "breachwatch", "build", "--seeds", str(dirs["seeds"]),
         "--content", str(dirs["content"]), "--output", str(dirs["output"]),
         "--settings", str(dirs["settings"])],
        cwd=ROOT, capture_output=True, text=True, check=False)


def page_types(data: Path) -> dict[str, str]:
    """PAGE_TYPES for the investigation whose data folder is `data`: its entity taxonomy's
    pages stand for "forces"/"force", its cue taxonomy's for "breaches"/"breach"."""
    declared = yaml.safe_load((data / "taxonomies.yaml").read_text(encoding="utf-8"))
    name = {entry["extract"]: entry["name"] for entry in declared["taxonomies"]}
    return {**PAGE_TYPES,
            "forces": f"{name['entities']}/index.html", "force": f"{name['entities']}/*/index.html",
            "breaches": f"{name['cues']}/index.html", "breach": f"{name['cues']}/*/index.html"}


def build(dirs: dict[str, Path], settings: Path = ROOT / "pelicanconf.py") -> int:
    """Run the real `breachwatch build` (ingest, Pelican and any post-build steps)."""
    from breachwatch.cli import main

    return main([
        "build", "--seeds", str(dirs["seeds"]), "--content", str(dirs["content"]),
        "--output", str(dirs["output"]), "--settings", str(settings),
    ])


def page_paths(output: Path, types: dict[str, str] = PAGE_TYPES) -> dict[str, str]:
    """URL path (from the site root) of one page per page type found in `output`."""
    found: dict[str, str] = {}
    for kind, pattern in types.items():
        matches = sorted(output.glob(pattern))
        if matches:
            relative = matches[0].relative_to(output).as_posix()
            found[kind] = relative.removesuffix("index.html")
    return found


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files like a real host: quiet, and the site's own 404 page for missing files."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Keep test output clean."""

    not_found: Path | None = None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        """Serve the site's 404 page for a missing file, as hosts are configured to."""
        page = self.not_found or Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@dataclass
class Server:
    """A running local server: its base URL and the folder it serves."""

    origin: str
    directory: Path
    port: int


@contextmanager
def serve(directory: Path, not_found: Path | None = None) -> Iterator[Server]:
    """Serve `directory` on a free port of 127.0.0.1 in a thread until the block ends."""
    handler = type("Handler", (_Handler,), {"not_found": not_found})
    handler = functools.partial(handler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{port}", directory, port)
    finally:
        httpd.shutdown()
        httpd.server_close()


def launch(playwright):
    """Debian's Chromium driven by Playwright (never Playwright's own browser download)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])


def article_bodies(content: Path) -> dict[str, str]:
    """Article slug -> lower-cased body text of its generated Markdown (metadata dropped)."""
    bodies = {}
    for path in sorted((content / "articles").glob("*.md")):
        _, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        bodies[path.stem] = body.lower()
    return bodies


def distinctive_word(content: Path, slug: str | None = None) -> tuple[str, str]:
    """(slug, word): a long word deep in one article (`slug` if given) no other one has."""
    bodies = article_bodies(content)
    stems = Counter(
        stem for body in bodies.values()
        for stem in {word[:6] for word in re.findall(r"[a-z]{6,}", body)}
    )
    for name, body in bodies.items():
        if slug is not None and name != slug:
            continue
        words = re.findall(r"[a-z]{8,}", body)
        # Past the first 60 words, so summaries on list pages never contain it.
        late = re.findall(r"[a-z]+", body)[60:]
        for word in words:
            if stems[word[:6]] == 1 and word in late:
                return name, word
    raise AssertionError("no article has a word of its own")


def search_for(page, word: str) -> None:
    """Type `word` into the search page's box and wait until an article result shows."""
    box = page.locator("input[type=search], main input[type=text], input[type=text]").first
    box.fill(word)
    box.press("Enter")
    page.wait_for_selector("main a[href*='articles/']", timeout=15_000)
