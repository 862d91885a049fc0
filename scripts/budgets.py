"""Page-weight budgets and Lighthouse scores per page type, printed and kept in docs/budgets.md."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scripts.localsite import CHROMIUM, ROOT, build, copy_project, page_paths, serve

BUDGET_BYTES = 14 * 1024
LIGHTHOUSE_PAGES = ["home", "article", "force"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


class _Assets(HTMLParser):
    """Stylesheets a page links and the scripts that block its first render."""

    def __init__(self) -> None:
        super().__init__()
        self.stylesheets: list[str] = []
        self.blocking: list[str] = []
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Collect <link rel=stylesheet> and parser-blocking <script>s."""
        attributes = dict(attrs)
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
        elif tag == "link" and "stylesheet" in (attributes.get("rel") or "").split():
            if (attributes.get("media") or "all") in {"all", "screen"}:
                self.stylesheets.append(attributes.get("href") or "")
        elif tag == "script":
            deferred = {"async", "defer"} & attributes.keys()
            inert = (attributes.get("type") or "text/javascript") not in {
                "text/javascript", "application/javascript",
            }
            if not deferred and not inert and (attributes.get("src") or self._in_head):
                self.blocking.append(attributes.get("src") or "inline script in <head>")

    def handle_endtag(self, tag: str) -> None:
        """Leave the head."""
        if tag == "head":
            self._in_head = False


def gzipped(data: bytes) -> int:
    """Bytes on the wire with gzip at its default level, as most hosts serve it."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def page_weight(output: Path, path: str) -> dict:
    """HTML and CSS gzipped sizes and blocking scripts of the page at URL `path`."""
    html_file = output / path / "index.html" if path.endswith("/") or not path else output / path
    html = html_file.read_bytes()
    assets = _Assets()
    assets.feed(html.decode("utf-8"))
    css = 0
    for href in assets.stylesheets:
        target = urlsplit(urljoin(f"http://site/{path}", href)).path.lstrip("/")
        css += gzipped((output / target).read_bytes())
    return {"html": gzipped(html), "css": css, "blocking": assets.blocking}


def lighthouse(url: str) -> dict:
    """Lighthouse 12 category scores (0-100) and failed audits for `url`, on Debian's Chromium."""
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            ["npx", "--no-install", "lighthouse", url, "--quiet", "--output", "json",
             "--output-path", str(report), f"--only-categories={','.join(CATEGORIES)}",
             "--chrome-flags=--headless=new --no-sandbox"],
            cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True,
            capture_output=True,
        )
        result = json.loads(report.read_text())
    categories = result["categories"]
    scores = {key: round((categories[key]["score"] or 0) * 100) for key in CATEGORIES}
    failed = sorted({
        ref["id"] for key in CATEGORIES for ref in categories[key]["auditRefs"]
        if ref.get("weight") and (result["audits"][ref["id"]].get("score") or 0) < 1
        and result["audits"][ref["id"]].get("scoreDisplayMode") in {"binary", "numeric"}
    })
    return {**scores, "failed": failed}


def table(rows: dict[str, dict], scores: dict[str, dict]) -> str:
    """The results as a Markdown table plus the Lighthouse table."""
    lines = [
        "| page | HTML gz | CSS gz | total gz | <= 14 KB | render-blocking scripts |",
        "|---|---:|---:|---:|:---:|---:|",
    ]
    for kind, row in rows.items():
        total = row["html"] + row["css"]
        lines.append(
            f"| {kind} | {row['html'] / 1024:.1f} KB | {row['css'] / 1024:.1f} KB "
            f"| {total / 1024:.1f} KB | {'yes' if total <= BUDGET_BYTES else '**no**'} "
            f"| {len(row['blocking'])} |"
        )
    if scores:
        lines += ["", "| Lighthouse 12 | " + " | ".join(CATEGORIES) + " | failed audits |",
                  "|---|" + "---:|" * len(CATEGORIES) + "---|"]
        for kind, score in scores.items():
            values = " | ".join(str(score[c]) for c in CATEGORIES)
            lines.append(f"| {kind} | {values} | {', '.join(score['failed']) or 'none'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Build the site in a temp dir, measure it, print and save the tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-lighthouse", action="store_true", help="sizes only (fast)")
    parser.add_argument("--write", type=Path, default=ROOT / "docs" / "budgets.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        dirs = copy_project(Path(tmp))
        with serve(dirs["output"]) as server:
            # The production settings, published at the local server's address, so canonical
            # and feed URLs are absolute as they are on the real host.
            os.environ["SITEURL"] = server.origin
            if build(dirs, ROOT / "publishconf.py") != 0:
                return 1
            pages = page_paths(dirs["output"])
            rows = {kind: page_weight(dirs["output"], path) for kind, path in pages.items()}
            scores: dict[str, dict] = {}
            if not args.no_lighthouse:
                for kind in LIGHTHOUSE_PAGES:
                    if kind in pages:
                        scores[kind] = lighthouse(f"{server.origin}/{pages[kind]}")
    text = table(rows, scores)
    print(text)
    over = [kind for kind, row in rows.items() if row["html"] + row["css"] > BUDGET_BYTES]
    blocking = sorted({src for row in rows.values() for src in row["blocking"]})
    args.write.write_text(
        "# Page budgets\n\nMeasured by `make budgets` (`scripts/budgets.py`) on a fresh build "
        "of the seeds with `publishconf.py`: gzip level 6 sizes of each page type's HTML plus "
        "the stylesheets it links (budget 14 KB, one TCP round trip), scripts that block the "
        "first render, and "
        "Lighthouse 12 scores (Debian Chromium, headless, default mobile emulation).\n\n"
        f"{text}\n\nOver budget: {', '.join(over) or 'none'}. "
        f"Render-blocking scripts: {', '.join(blocking) or 'none'}.\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
