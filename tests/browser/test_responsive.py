"""Layout: no sideways scroll on a 360 px phone, a readable column at 1280 px, dark and print."""

from __future__ import annotations

import pytest

from .conftest import PAGE_KINDS, open_kind

# WCAG 1.4.8 asks for at most 80 characters a line; allow a little for proportional fonts.
MAX_LINE_CHARS = 90
# Longest line of text in main, in characters: a paragraph's own text width per character
# against the width it wraps at (a short one-line paragraph counts only its own length).
LONGEST_LINE = """() => {
    let longest = [0, ''];
    for (const el of document.querySelectorAll('main p, main li')) {
        const text = el.textContent.replace(/\\s+/g, ' ').trim();
        if (!el.checkVisibility() || text.length < 20) continue;
        const probe = document.createElement('span');
        probe.style.whiteSpace = 'nowrap';
        probe.textContent = text;
        el.appendChild(probe);
        const perChar = probe.getBoundingClientRect().width / text.length;
        probe.remove();
        const style = getComputedStyle(el);
        const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        const chars = Math.min(text.length, (el.clientWidth - pad) / perChar);
        if (chars > longest[0]) longest = [chars, el.outerHTML.replace(/\\s+/g, ' ').slice(0, 90)];
    }
    return longest;
}"""


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_at_360px(browser, each_site, kind: str) -> None:
    site = each_site  # the police site, then the example investigation's
    page = open_kind(browser, site, kind, viewport={"width": 360, "height": 740})
    width = page.evaluate("() => document.documentElement.scrollWidth")
    wide = page.evaluate(
        "() => [...document.querySelectorAll('body *')].filter(el =>"
        " el.getBoundingClientRect().right > 361).slice(0, 5).map(el => el.outerHTML.slice(0, 80))"
    )
    page.context.close()
    assert width <= 360, f"page is {width}px wide; overflowing: {wide}"


@pytest.mark.parametrize("kind", ["home", "article", "force", "methodology"])
def test_text_column_is_readable_at_1280px(browser, site, kind: str) -> None:
    page = open_kind(browser, site, kind, viewport={"width": 1280, "height": 900})
    line, element = page.evaluate(LONGEST_LINE)
    page.context.close()
    assert 0 < line <= MAX_LINE_CHARS, f"lines of {element} hold about {line:.0f} characters"


def test_dark_mode_follows_the_system_setting(browser, site) -> None:
    colours = {}
    for scheme in ("light", "dark"):
        page = open_kind(browser, site, "article", color_scheme=scheme)
        colours[scheme] = page.evaluate(
            "() => [getComputedStyle(document.body).backgroundColor,"
            " getComputedStyle(document.body).color]"
        )
        page.context.close()
    assert colours["light"][0] != colours["dark"][0]
    assert colours["light"][1] != colours["dark"][1]


@pytest.mark.parametrize("kind", ["home", "article", "force"])
def test_print_hides_navigation(browser, site, kind: str) -> None:
    page = open_kind(browser, site, kind)
    page.emulate_media(media="print")
    navs = page.locator("nav, [role=navigation]")
    shown = [navs.nth(i) for i in range(navs.count()) if navs.nth(i).is_visible()]
    visible = [nav.inner_html()[:80] for nav in shown]
    main_shown = page.locator("main").is_visible()
    count = navs.count()
    page.context.close()
    assert count > 0 and visible == [], f"navigation printed: {visible}"
    assert main_shown


# Words split across two lines (not at a hyphen) although they would fit one line of their block.
BROKEN_WORDS = """() => {
    const broken = [];
    const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const block = node.parentElement.closest('p, li, td, th, dd, dt, h1, h2, h3, h4, div');
        if (!block || !node.parentElement.checkVisibility()) continue;
        for (const match of node.textContent.matchAll(/[^\\s\\u002d\\u2010-\\u2014]{2,}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const rects = [...range.getClientRects()].filter(r => r.width > 0);
            const lines = new Set(rects.map(r => Math.round(r.top)));
            const width = rects.reduce((sum, r) => sum + r.width, 0);
            if (lines.size > 1 && width <= block.clientWidth) broken.push(match[0]);
        }
    }
    return broken.slice(0, 10);
}"""


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_word_is_split_that_would_fit_at_360px(browser, each_site, kind: str) -> None:
    site = each_site  # the police site, then the example investigation's
    page = open_kind(browser, site, kind, viewport={"width": 360, "height": 740})
    broken = page.evaluate(BROKEN_WORDS)
    page.context.close()
    assert broken == [], "words broken mid-word although they fit their column"
