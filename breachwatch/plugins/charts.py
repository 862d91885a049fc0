"""The site's charts: figures by entity (force) per unit and period, articles per term of
each other taxonomy and per outcome.

Figures are only charted together when unit and period are the same: a count over 2009-2013
never shares a chart with one over 2011-2015.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from pelican import signals
from pelican.generators import Generator

from breachwatch.charts import Bar, Chart
from breachwatch.extract.figures import UK
from breachwatch.plugins.figures import ShownFigure, scope_name
from breachwatch.settings import Setting, declare

NOTE_CHARS = 90
declare(
    Setting("CHART_MAX_BARS", 15, "bars in one chart; the rest are counted under it", (int,)),
    Setting("CHART_UNITS", ("breaches", "incidents", "offences"),
            "units of figures charted by entity: counts of wrongdoing, not workforce sizes "
            "or shares", (tuple, list)),
)


def _slug(text: str) -> str:
    """An id fragment from any text."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def period_key(shown: ShownFigure) -> tuple[str, str, str]:
    """Figures are comparable only with the same unit and the same stated period."""
    period = shown.figure.period
    if period is None:
        return (shown.figure.unit, "", "")
    if period.start or period.end:
        return (shown.figure.unit, period.start or "", period.end or "")
    return (shown.figure.unit, period.text.lower(), "")


def _note(shown: ShownFigure) -> str:
    """Under a bar: the period as written and the source article."""
    source = shown.article.metadata.get("publisher", "unknown")
    source = shown.article.title if source == "unknown" else source
    note = f"{shown.period_label} \u00b7 source: {source}"
    return note if len(note) <= NOTE_CHARS else note[: NOTE_CHARS - 1] + "\u2026"


def figure_groups(figures: list[ShownFigure], units: tuple[str, ...] | list[str],
                  ) -> dict[tuple[str, str, str], list[ShownFigure]]:
    """Figures about single entities in the charted units, by comparable unit and period,
    largest value first."""
    groups: dict[tuple[str, str, str], list[ShownFigure]] = defaultdict(list)
    for shown in figures:
        figure = shown.figure
        if figure.unit in units and figure.scope not in ("", UK):
            groups[period_key(shown)].append(shown)
    return {
        key: sorted(groups[key], key=lambda s: (-s.figure.value, s.article.slug, s.number))
        for key in sorted(groups)
    }


def _drawn(members: list[ShownFigure], max_bars: int, focus: str | None) -> list[ShownFigure]:
    """The largest values, plus the focus entity's largest when it would be left out."""
    drawn = members[:max_bars]
    if focus and not any(s.figure.scope == focus for s in drawn):
        drawn = [*drawn[:-1], next(s for s in members if s.figure.scope == focus)]
    return drawn


def figure_chart(number: int, key: tuple[str, str, str], members: list[ShownFigure],
                 max_bars: int, subject: Any, focus: str | None = None) -> Chart:
    """One unit over one period: the largest figures by entity, each linked to its
    sentence; `subject` is the entity taxonomy, for its words."""
    drawn = _drawn(members, max_bars, focus)
    first = members[0]
    unit, period = first.figure.unit, first.period_label
    selection = ""
    if len(drawn) < len(members):
        largest = drawn if drawn[-1] is members[len(drawn) - 1] else drawn[:-1]
        selection = f"the {len(largest)} largest of {len(members):,} reported figures"
        if largest is not drawn:
            selection += f" and the largest for {scope_name(focus)}"
    which = selection or f"{len(members)} reported figure(s)"
    return Chart(
        id=f"chart-{number}-" + _slug("-".join([unit, *key[1:]])),
        title=f"{unit.capitalize()} by {subject.singular}, {period}",
        description=(
            f"Bar chart of {which} of {unit} for single {subject.name} over the same period "
            f"({period}). Values: "
            + "; ".join(f"{scope_name(s.figure.scope)} {s.figure.text}" for s in drawn)
            + ". Each value links to the sentence that reports it."
        ),
        unit=unit,
        bars=[Bar(scope_name(s.figure.scope), float(s.figure.value), s.figure.text, s.url,
                  _note(s), highlight=s.figure.scope == focus) for s in drawn],
        total=len(members),
        selection=selection,
    )


def figure_charts(groups: dict[tuple[str, str, str], list[ShownFigure]], max_bars: int,
                  subject: Any, focus: str | None = None) -> list[Chart]:
    """One chart per group of figure_groups (with a focus entity: the groups that include
    it)."""
    return [
        figure_chart(number, key, members, max_bars, subject, focus)
        for number, (key, members) in enumerate(groups.items(), start=1)
        if focus is None or any(s.figure.scope == focus for s in members)
    ]


def count_chart(chart_id: str, title: str, what: str, items: list[tuple[Any, list, str]],
                highlight: str | None = None) -> Chart:
    """Articles per term, each count linking to the page that lists those articles."""
    items = sorted((i for i in items if i[1]), key=lambda i: (-len(i[1]), i[0].name))
    return Chart(
        id=chart_id,
        title=title,
        description=f"Bar chart of the number of articles per {what}. Values: "
        + "; ".join(f"{term.name} {len(articles)}" for term, articles, _ in items) + ".",
        unit="articles",
        bars=[Bar(term.name, float(len(articles)), str(len(articles)), href,
                  highlight=term.slug == highlight)
              for term, articles, href in items],
        value_class="count-value",
    )


def outcome_groups(articles: list) -> list[tuple[Any, list]]:
    """Articles per reported outcome, in a fixed order."""
    groups: dict[Any, list] = defaultdict(list)
    for article in articles:
        for outcome in getattr(article, "outcomes", []):
            groups[outcome].append(article)
    return sorted(groups.items(), key=lambda item: item[0].slug)


class ChartsGenerator(Generator):
    """Adds `charts` (data page) and `term_charts` (term pages) to the context."""

    def generate_context(self) -> None:
        """Build every chart once from the figures and the taxonomies."""
        figures = self.context.get("figures", [])
        max_bars = self.settings["CHART_MAX_BARS"]
        groups = figure_groups(figures, self.settings["CHART_UNITS"])
        subject = self.context["subject"]
        outcomes = [
            (term, items, f"{self.settings['DATA_PAGE_URL']}#outcome-{term.slug}")
            for term, items in outcome_groups(self.context.get("articles", []))
        ]
        # Articles per term of each taxonomy that is not the subject (types of breach).
        counted = [(listing, [(term, items, term.url) for term, items in listing.terms])
                   for listing in self.context["taxonomies"] if not listing.about]

        def term_chart(listing: Any, terms: list, suffix: str = "", highlight=None) -> Chart:
            """Articles per term of one taxonomy, one term highlighted on its own page."""
            return count_chart(f"chart-articles-by-{listing.singular}{suffix}",
                               f"Articles by {listing.column.lower()}", listing.column.lower(),
                               terms, highlight=highlight)

        self.context["outcome_groups"] = outcome_groups(self.context.get("articles", []))
        self.context["charts"] = {
            "figures": figure_charts(groups, max_bars, subject),
            "by_term": [term_chart(listing, terms) for listing, terms in counted],
            "by_outcome": count_chart("chart-articles-by-outcome", "Articles by outcome",
                                      "outcome reported", outcomes),
        }
        # Keyed by the term page's URL, which is unique across taxonomies.
        entities = self.context.get("vocabularies", {}).get(subject.name, {})
        term_charts = {
            entities[slug].url: figure_charts(groups, max_bars, subject, focus=slug)
            for slug in sorted({s.figure.scope for s in figures} & set(entities))
        }
        for listing, terms in counted:
            for term, items, _ in terms:
                if items:
                    term_charts[term.url] = [
                        term_chart(listing, terms, f"-{term.slug}", highlight=term.slug)]
        self.context["term_charts"] = term_charts

    def generate_output(self, writer) -> None:
        """Charts are drawn inside the pages that show them."""


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return ChartsGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(get_generators)
