"""Browser fixtures: one built site served on 127.0.0.1 and Debian's Chromium via Playwright."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, sync_playwright

from scripts.localsite import (  # noqa: F401 - re-exported for the test modules
    article_bodies,
    build,
    copy_project,
    distinctive_word,
    launch,
    page_paths,
    page_types,
    search_for,
    serve,
)

# Every page type a reader can land on; each test runs on all of them.
PAGE_KINDS = [
    "home", "article", "forces", "force", "breaches", "breach", "methodology", "about",
    "404", "cases", "case", "data", "search",
]
FOCUSABLE = (
    "a[href], button, input:not([type=hidden]), select, textarea, summary, "
    "[tabindex]:not([tabindex='-1'])"
)


def pytest_collection_modifyitems(items) -> None:
    """Everything in this folder is a real-browser test, selectable with `-m browser`."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)


def pytest_configure(config) -> None:
    """Register the marker so `--strict-markers` and `-m browser` both work."""
    config.addinivalue_line("markers", "browser: drives Chromium against a locally served build")


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The site built from the real seeds and pages, served until the session ends."""
    dirs = copy_project(tmp_path_factory.mktemp("browser-site"))
    assert build(dirs) == 0
    with serve(dirs["output"]) as server:
        server.pages = page_paths(dirs["output"])
        server.content = dirs["content"]
        yield server


@pytest.fixture(scope="session")
def example_site(example_build):
    """The example investigation (examples/health-records), served until the session ends."""
    with serve(example_build["output"]) as server:
        server.pages = page_paths(example_build["output"], page_types(example_build["data"]))
        server.content = example_build["content"]
        yield server


@pytest.fixture(scope="session", params=["police", "example"])
def each_site(request):
    """Each investigation's site in turn: the theme and plugins must serve any of them."""
    return request.getfixturevalue("site" if request.param == "police" else "example_site")


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole session."""
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


def url_of(site, kind: str) -> str:
    """Absolute URL of the page of type `kind`; fails the test if the build has none."""
    assert kind in site.pages, f"the build has no {kind} page"
    return f"{site.origin}/{site.pages[kind]}"


def open_kind(browser, site, kind: str, **context) -> Page:
    """A new page (in its own context) showing page type `kind`; search pages with results."""
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    page.goto(url_of(site, kind))
    if kind == "search" and context.get("java_script_enabled", True):
        search_for(page, distinctive_word(site.content)[1])
    return page
