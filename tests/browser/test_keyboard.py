"""Keyboard readers: a skip link first, every link and control reachable, focus always visible."""

from __future__ import annotations

import pytest

from .conftest import FOCUSABLE, PAGE_KINDS, open_kind

# Visible focusable elements in DOM order, each tagged so Tab stops can be matched to them.
TAG_FOCUSABLES = """selector => [...document.querySelectorAll(selector)]
    .filter(el => !el.disabled && el.checkVisibility({ visibilityProperty: true }))
    .map((el, i) => { el.dataset.kbd = String(i); const s = getComputedStyle(el);
        return [s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, s.boxShadow,
                el.outerHTML.slice(0, 100)]; })"""
FOCUSED = """() => { const el = document.activeElement; const s = getComputedStyle(el);
    return [el.dataset.kbd ?? null, s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor,
            s.boxShadow, el.outerHTML.slice(0, 100)]; }"""


def test_skip_link_is_first_and_moves_focus_to_main(browser, each_site) -> None:
    site = each_site  # the police site, then the example investigation's
    page = open_kind(browser, site, "article")
    page.keyboard.press("Tab")
    first = page.evaluate(
        "() => [document.activeElement.getAttribute('href'), document.activeElement.innerText]"
    )
    assert first[0] and first[0].startswith("#"), f"first Tab stop is not a skip link: {first}"
    target = first[0][1:]
    assert page.evaluate(
        "id => { const t = document.getElementById(id); const m = document.querySelector('main');"
        " return !!t && !!m && (t === m || m.contains(t)); }", target,
    ), f"skip link #{target} does not point into <main>"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate(
        "() => { const m = document.querySelector('main'); const a = document.activeElement;"
        " return m.contains(a); }"
    )
    page.context.close()
    assert inside, "after the skip link, the next Tab stop is not inside <main>"


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_tab_reaches_every_control_with_visible_focus(browser, each_site, kind: str) -> None:
    site = each_site  # the police site, then the example investigation's
    page = open_kind(browser, site, kind)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    resting = page.evaluate(TAG_FOCUSABLES, FOCUSABLE)
    reached: set[str] = set()
    invisible: list[str] = []
    for _ in range(len(resting) + 5):
        page.keyboard.press("Tab")
        index, outline, shadow, html = page.evaluate(FOCUSED)
        if index is None:
            continue
        reached.add(index)
        rest_outline, rest_shadow, _ = resting[int(index)]
        has_ring = not outline.startswith("none") and not outline.split()[1].startswith("0")
        if (outline, shadow) == (rest_outline, rest_shadow) or not (has_ring or shadow != "none"):
            invisible.append(html)
    page.context.close()
    missed = [resting[i][2] for i in range(len(resting)) if str(i) not in reached]
    assert missed == [], f"{len(missed)} of {len(resting)} controls never got focus"
    assert invisible == [], "focus not visible on these"
