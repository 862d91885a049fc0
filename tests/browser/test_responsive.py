"""Layout: no sideways scroll on a 360 px phone, a readable column at 1280 px, dark and print."""

from __future__ import annotations

import pytest

from .conftest import PAGE_KINDS, open_kind

# WCAG 1.4.8 asks for at most 80 characters a line; allow a little for proportional fonts.
MAX_LINE_CHARS = 90
# Characters a full line of the widest paragraph holds, from the paragraph's own text and font.
LONGEST_LINE = """() => {
    const texts = [...document.querySelectorAll('main p, main li')]
        .filter(el => el.getClientRects().length > 0 && el.textContent.trim().length > 20);
    const widest = texts.sort((a, b) => b.clientWidth - a.clientWidth)[0];
    if (!widest) return 0;
    const probe = document.createElement('span');
    probe.style.whiteSpace = 'nowrap';
    probe.textContent = widest.textContent.trim();
    widest.appendChild(probe);
    const perChar = probe.getBoundingClientRect().width / probe.textContent.length;
    probe.remove();
    const style = getComputedStyle(widest);
    const pad = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    const inner = widest.clientWidth - pad;
    return inner / perChar;
}"""


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_no_horizontal_scroll_at_360px(browser, site, kind: str) -> None:
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
    line = page.evaluate(LONGEST_LINE)
    page.context.close()
    assert 0 < line <= MAX_LINE_CHARS, f"lines hold about {line:.0f} characters"


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
