"""Pagefind search: a word from one article finds it, and a force filter narrows the results."""

from __future__ import annotations

import re
from collections import Counter

from .conftest import article_bodies, distinctive_word, open_kind, search_for, url_of

# Run Pagefind's JS API from the page: results as [url, filters] pairs.
PAGEFIND = """async ([term, filters]) => {
    const pf = await import(new URL('pagefind/pagefind.js', SITE).href);
    await pf.options({ baseUrl: new URL('./', SITE).pathname });
    const search = await pf.search(term, { filters });
    const data = await Promise.all(search.results.map(r => r.data()));
    return data.map(d => [d.url, d.filters]);
}"""
FILTERS = """async () => {
    const pf = await import(new URL('pagefind/pagefind.js', SITE).href);
    return await pf.filters();
}"""


def _api(page, site, script: str, *args):
    """Evaluate a Pagefind API snippet with SITE bound to the site's root URL."""
    page.evaluate(f"() => {{ window.SITE = '{site.origin}/'; }}")
    return page.evaluate(script, list(args)) if args else page.evaluate(script)


def test_distinctive_word_finds_its_article(browser, site) -> None:
    slug, word = distinctive_word(site.content)
    page = open_kind(browser, site, "search")
    links = page.locator("main a[href*='articles/']")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    page.context.close()
    articles = {href.split("articles/")[1].split("/")[0] for href in hrefs}
    assert articles == {slug}, f"searching {word!r} showed {articles}"


def test_force_filter_narrows_results(browser, site) -> None:
    bodies = article_bodies(site.content)
    in_all = Counter(w for body in bodies.values() for w in set(re.findall(r"[a-z]{6,}", body)))
    common = next(word for word, count in in_all.most_common() if count == len(bodies))
    page = browser.new_page()
    page.goto(url_of(site, "search"))
    filters = _api(page, site, FILTERS)
    force_keys = [key for key in filters if "force" in key.lower()]
    assert force_keys, f"no force filter among {list(filters)}"
    key = force_keys[0]
    value = min(filters[key], key=filters[key].get)
    everything = _api(page, site, PAGEFIND, common, {})
    narrowed = _api(page, site, PAGEFIND, common, {key: value})
    page.close()
    assert 0 < len(narrowed) < len(everything)
    assert all(value in result_filters.get(key, []) for _, result_filters in narrowed)


def test_search_box_shows_results_for_typed_word(browser, site) -> None:
    slug, word = distinctive_word(site.content)
    page = browser.new_page()
    page.goto(url_of(site, "search"))
    search_for(page, word)
    text = page.locator("main").inner_text().lower()
    page.close()
    assert word in text


def test_filters_cover_force_breach_type_and_status(browser, site) -> None:
    page = browser.new_page()
    page.goto(url_of(site, "search"))
    filters = _api(page, site, FILTERS)
    page.close()
    names = " ".join(filters).lower()
    assert all(word in names for word in ("force", "breach", "status")), list(filters)
    assert all(values for values in filters.values()), "a filter with no values"
