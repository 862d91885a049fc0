"""Charts stay readable: labels legible on a phone, bars visible against the page in both modes."""

from __future__ import annotations

import pytest

from .conftest import open_kind

# Chart labels rendered in CSS pixels: SVG text shrinks with its chart on a narrow screen.
SMALLEST_CHART_TEXT = """() => Math.min(99, ...[...document.querySelectorAll('main svg')]
    .filter(svg => svg.viewBox.baseVal && svg.viewBox.baseVal.width && svg.checkVisibility())
    .flatMap(svg => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')]
            .map(text => parseFloat(getComputedStyle(text).fontSize) * scale);
    }))"""
MIN_CHART_TEXT_PX = 9


@pytest.mark.parametrize("kind", ["force", "breach", "data"])
def test_chart_labels_stay_legible_at_360px(browser, site, kind: str) -> None:
    page = open_kind(browser, site, kind, viewport={"width": 360, "height": 740})
    smallest = page.evaluate(SMALLEST_CHART_TEXT)
    page.context.close()
    assert smallest >= MIN_CHART_TEXT_PX, f"chart text shrinks to {smallest:.1f}px"


# Lowest contrast between a chart's bars and the background behind them (WCAG 1.4.11 wants 3).
BAR_CONTRAST = """() => {
    const rgb = colour => colour.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
        .map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
        .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const background = el => {
        for (; el; el = el.parentElement) {
            const c = getComputedStyle(el).backgroundColor;
            if (!c.startsWith('rgba(0, 0, 0, 0)') && c !== 'transparent') return rgb(c);
        }
        return [255, 255, 255];
    };
    let lowest = 21;
    for (const bar of document.querySelectorAll('main svg rect')) {
        const a = lum(rgb(getComputedStyle(bar).fill)), b = lum(background(bar.parentElement));
        lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    }
    return lowest;
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_bars_contrast_with_their_background(browser, site, scheme: str) -> None:
    page = open_kind(browser, site, "data", color_scheme=scheme)
    assert page.locator("main svg rect").count() > 0
    lowest = page.evaluate(BAR_CONTRAST)
    page.context.close()
    assert lowest >= 3, f"bars reach only {lowest:.2f}:1 against the page"
