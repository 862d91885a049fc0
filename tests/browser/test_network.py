"""Privacy and robustness: nothing leaves 127.0.0.1, and everything but search works without JS."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .conftest import PAGE_KINDS, distinctive_word, search_for, url_of


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_request_leaves_localhost(browser, each_site, kind: str) -> None:
    site = each_site  # the police site, then the example investigation's
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url_of(site, kind), wait_until="networkidle")
    if kind == "search":
        search_for(page, distinctive_word(site.content)[1])
        page.wait_for_load_state("networkidle")
    context.close()
    assert requests, "no request recorded"
    foreign = [url for url in requests if urlsplit(url).hostname != "127.0.0.1"]
    assert foreign == []
    assert errors == []


@pytest.mark.parametrize("kind", [kind for kind in PAGE_KINDS if kind != "search"])
def test_pages_read_the_same_without_javascript(browser, each_site, kind: str) -> None:
    site = each_site  # the police site, then the example investigation's
    texts = {}
    for enabled in (True, False):
        context = browser.new_context(java_script_enabled=enabled)
        page = context.new_page()
        response = page.goto(url_of(site, kind))
        status = response.status if response else 0
        texts[enabled] = (status, page.locator("main").inner_text(),
                          page.locator("a[href]").count())
        context.close()
    assert texts[False][1].strip(), "main is empty without JavaScript"
    assert texts[False] == texts[True]


def test_search_page_says_it_needs_javascript(browser, site) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url_of(site, "search"))
    notice = page.locator("noscript")
    count = notice.count()
    shown = [notice.nth(i).inner_text().strip() for i in range(count) if notice.nth(i).is_visible()]
    context.close()
    assert any("javascript" in text.lower() for text in shown), "no visible noscript message"
