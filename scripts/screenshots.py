"""Screenshots of every page type at 1280 px and 360 px into docs/screenshots/, for review."""

from __future__ import annotations

import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from scripts.localsite import (
    ROOT,
    build,
    copy_project,
    distinctive_word,
    launch,
    page_paths,
    search_for,
    serve,
)

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobile": {"width": 360, "height": 740}}
# Full-page shots are cut at this many viewport heights so long lists stay reviewable.
MAX_SCREENS = 4


def main() -> int:
    """Build in a temp dir, serve it, and save <kind>-<desktop|mobile>.png for each page type."""
    target = ROOT / "docs" / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        dirs = copy_project(Path(tmp))
        if build(dirs) != 0:
            return 1
        pages = page_paths(dirs["output"])
        word = distinctive_word(dirs["content"])[1]
        with serve(dirs["output"]) as server, sync_playwright() as playwright:
            browser = launch(playwright)
            for name, viewport in VIEWPORTS.items():
                page = browser.new_page(viewport=viewport)
                for kind, path in pages.items():
                    page.goto(f"{server.origin}/{path}", wait_until="networkidle")
                    if kind == "search":
                        search_for(page, word)
                    height = min(
                        page.evaluate("() => document.documentElement.scrollHeight"),
                        viewport["height"] * MAX_SCREENS,
                    )
                    clip = {"x": 0, "y": 0, "width": viewport["width"], "height": height}
                    page.screenshot(path=target / f"{kind}-{name}.png", full_page=True, clip=clip)
                    print(target / f"{kind}-{name}.png")
                page.close()
            browser.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
