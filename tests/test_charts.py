"""Charts: accessible SVG, values linked to sources, never two periods or units in one chart."""

from __future__ import annotations

import re
from types import SimpleNamespace
from xml.etree import ElementTree

from breachwatch.charts import Bar, Chart, render_svg
from breachwatch.extract.figures import extract_figures
from breachwatch.plugins.charts import figure_charts, figure_groups
from breachwatch.plugins.figures import ShownFigure

SVG = "{http://www.w3.org/2000/svg}"
UNITS = ("breaches", "incidents", "offences")
SUBJECT = SimpleNamespace(name="forces", singular="force")


def shown(text: str, slug: str, published=None) -> list[ShownFigure]:
    """Figures of a one-paragraph article, as the site wraps them."""
    article = SimpleNamespace(slug=slug, url=f"articles/{slug}/", title=slug,
                              metadata={"publisher": "Test Gazette"})
    return [ShownFigure(f"{slug}-{n}", n, article, figure,
                        f"articles/{slug}/#s{figure.sentence_index}")
            for n, figure in enumerate(extract_figures([text], published), start=1)]


def test_svg_is_accessible_and_links_every_value() -> None:
    chart = Chart("chart-x", "Breaches by force, 2011", "Two forces.", "breaches", [
        Bar("West Midlands Police", 488.0, "488", "articles/a/#s11", "over five years"),
        Bar("Surrey Police", 202.0, "202", "articles/a/#s11"),
    ])
    svg = render_svg(chart, "../..")
    root = ElementTree.fromstring(svg)
    assert root.get("role") == "group"  # an img may not contain links (axe nested-interactive)
    assert root.get("aria-labelledby") == "chart-x-title chart-x-desc"
    assert root.find(f"{SVG}title").get("id") == "chart-x-title"
    assert root.find(f"{SVG}desc").text == "Two forces."
    links = root.findall(f"{SVG}a")
    assert [a.get("href") for a in links] == ["../../articles/a/#s11"] * 2
    assert [a.find(f"{SVG}text").text for a in links] == ["488", "202"]
    assert "<script" not in svg and "http://www.w3.org/2000/svg" in svg
    widths = [float(r.get("width")) for r in root.iter(f"{SVG}rect")]
    assert widths[0] > widths[1] > 0


def test_different_periods_and_units_get_different_charts() -> None:
    figures = (
        shown("West Midlands Police ranked top with 488 breaches between 2011 and 2015, "
              "followed by Surrey Police with 202.", "a")
        + shown("Metropolitan Police officers breached data protection rules 300 times "
                "between January 2009 and October 2013.", "b")
        + shown("There were 39 incidents within the Met since 2011.", "c")
        + shown("The Met employs 31,000 officers.", "d")
    )
    charts = figure_charts(figure_groups(figures, UNITS), max_bars=15, subject=SUBJECT)
    groups = [sorted(bar.label for bar in chart.bars) for chart in charts]
    assert sorted(groups) == [
        ["Metropolitan Police Service"], ["Metropolitan Police Service"],
        ["Surrey Police", "West Midlands Police"],
    ]
    for chart in charts:
        periods = {re.sub(r" \u00b7 source.*", "", bar.note) for bar in chart.bars}
        assert len(periods) == 1, chart.title
    assert len({chart.id for chart in charts}) == len(charts)
    assert not any(chart.unit == "officers" for chart in charts)


def test_uk_totals_are_not_charted_as_a_force() -> None:
    figures = shown("There were 2,315 data breaches across the UK police forces between "
                    "2011 and 2015.", "e")
    groups = figure_groups(figures, UNITS)
    assert figures and figure_charts(groups, max_bars=15, subject=SUBJECT) == []


def test_a_chart_draws_the_largest_values_and_keeps_the_focus_force() -> None:
    figures = shown(
        "Kent Police recorded 900 breaches between 2011 and 2015, Essex Police 800, "
        "Surrey Police 700 and Sussex Police 12.", "f")
    groups = figure_groups(figures, UNITS)
    [chart] = figure_charts(groups, max_bars=2, subject=SUBJECT)
    assert [bar.label for bar in chart.bars] == ["Kent Police", "Essex Police"]
    assert chart.total == 4 and "the 2 largest of 4 reported figures" in chart.description
    [focused] = figure_charts(groups, max_bars=2, subject=SUBJECT, focus="sussex-police")
    assert [bar.label for bar in focused.bars] == ["Kent Police", "Sussex Police"]
    assert [bar.highlight for bar in focused.bars] == [False, True]
    assert focused.selection == (
        "the 1 largest of 4 reported figures and the largest for Sussex Police")
    assert focused.id == chart.id
    assert figure_charts(groups, max_bars=2, subject=SUBJECT, focus="durham-constabulary") == []
