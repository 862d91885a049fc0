"""sitemap.xml and robots.txt, so search engines find every page under the site's address."""

from __future__ import annotations

import os
from pathlib import Path
from xml.sax.saxutils import escape

from pelican import signals

# Pages a search engine should not list: the error page and the search box.
UNLISTED = {"404.html", "search/index.html"}


def page_urls(output: Path, siteurl: str) -> list[str]:
    """The URL of every written HTML page, in a stable order."""
    pages = []
    root = len(str(output)) + 1
    for folder, _, files in os.walk(output):  # faster than Path.rglob
        within = folder[root:].replace(os.sep, "/")
        pages.extend(f"{within}/{name}" if within else name for name in files
                     if name.endswith(".html"))
    urls = []
    for relative in sorted(pages):
        if relative in UNLISTED:
            continue
        relative = relative.removesuffix("index.html")
        urls.append(f"{siteurl}/{relative}" if siteurl else relative or "./")
    return urls


def sitemap(urls: list[str]) -> str:
    """A sitemaps.org document listing `urls`."""
    entries = "".join(f"  <url><loc>{escape(url)}</loc></url>\n" for url in urls)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</urlset>\n"
    )


def robots(siteurl: str) -> str:
    """Allow everything and point to the sitemap (robots.txt needs its absolute URL)."""
    lines = ["User-agent: *", "Allow: /"]
    if siteurl.startswith(("http://", "https://")):
        lines.append(f"Sitemap: {siteurl}/sitemap.xml")
    return "\n".join(lines) + "\n"


def write_files(pelican) -> None:
    """Write both files once every page is on disk."""
    output = Path(pelican.output_path)
    siteurl = "" if pelican.settings.get("RELATIVE_URLS") else pelican.settings["SITEURL"]
    (output / "sitemap.xml").write_text(sitemap(page_urls(output, siteurl)), encoding="utf-8")
    (output / "robots.txt").write_text(robots(siteurl), encoding="utf-8")


def register() -> None:
    """Pelican plugin entry point."""
    signals.finalized.connect(write_files)
