"""Figures of every article, each tied to the page anchor of the sentence it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import Generator

from breachwatch.extract.figures import PERCENT, UK, Figure, extract_figures, whole_scope_name
from breachwatch.plugins.anchors import anchor_id
from breachwatch.schema import as_list
from breachwatch.speed.markdown_reader import converted, published, raw_published, raw_value
from breachwatch.speed.memo import remembered_all
from breachwatch.taxonomy import entity_taxonomy

# How many figures the home page shows.
HEADLINE_COUNT = 6
# How much of a figure's sentence the home page quotes under it.
EXCERPT_CHARS = 160


@dataclass(frozen=True)
class ShownFigure:
    """A figure as the site shows it: the extracted claim plus its article and link."""

    id: str
    number: int
    article: Any
    figure: Figure
    url: str

    @property
    def label(self) -> str:
        """What is counted, in words: 'breaches', 'per cent of cases'."""
        figure = self.figure
        if figure.unit == PERCENT:
            return f"per cent of {figure.of}" if figure.of else "per cent"
        return figure.unit

    @property
    def excerpt(self) -> str:
        """The source sentence, shortened around the number so the number always shows."""
        return excerpt_around(self.figure.sentence, self.figure.text)

    @property
    def scope_name(self) -> str:
        """The entity's name, the whole scope's ("All UK forces"), or 'Scope not stated'."""
        return scope_name(self.figure.scope)

    @property
    def period_label(self) -> str:
        """The period as the article words it, or a note that it gives none."""
        return self.figure.period.text if self.figure.period else "period not stated"


def excerpt_around(sentence: str, number: str, width: int = EXCERPT_CHARS) -> str:
    """At most `width` characters of a sentence, whole words, centred on the number."""
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(number), 0)
    start = max(0, min(at - width // 2, len(sentence) - width))
    end = start + width
    if start > 0:
        start = sentence.find(" ", start) + 1
    if end < len(sentence):
        end = sentence.rfind(" ", start, end)
    return ("…" if start > 0 else "") + sentence[start:end] + (
        "…" if end < len(sentence) else ""
    )


def scope_name(scope: str) -> str:
    """Display name of a figure's scope."""
    if scope == UK:
        return whole_scope_name()
    if not scope:
        return "Scope not stated"
    from breachwatch.extract.entities import load_entities

    entity = load_entities().get(scope)
    return entity.name if entity else scope


def figures_beside_conversion(_sender: Any, metadata: dict, extra: dict) -> list[tuple]:
    """The figures call for an article the reader's workers convert (see `converted`)."""
    try:
        when = raw_published(metadata)
    except ValueError:
        return []
    subjects = as_list(raw_value(metadata, entity_taxonomy().name))
    return [(extract_figures, (list(extra.get("body_paragraphs", [])), when,
                               subjects[0] if subjects else None))]


def _figures_call(article: Any) -> tuple:
    """The arguments of extract_figures for one anchored article."""
    subjects = as_list(article.metadata.get(entity_taxonomy().name))
    return (list(getattr(article, "body_paragraphs", [])), published(article),
            subjects[0] if subjects else None)


def articles_figures(articles: list, settings: dict) -> list[list[ShownFigure]]:
    """Each article's figures with a link and an id (new articles extracted on all cores)."""
    found = remembered_all(settings, extract_figures, [_figures_call(a) for a in articles])
    return [_shown(article, figures) for article, figures in zip(articles, found, strict=True)]


def _shown(article: Any, figures: list) -> list[ShownFigure]:
    """One article's figures with ids and links (its URL worked out once, not per figure)."""
    url = article.url
    return [ShownFigure(f"{article.slug}-{number}", number, article, figure,
                        f"{url}#{anchor_id(figure.sentence_index)}")
            for number, figure in enumerate(figures, start=1)]


def figure_record(shown: ShownFigure) -> dict[str, Any]:
    """The open-data record of a figure (flat, JSON-ready, stable keys)."""
    record = shown.figure.as_record()
    record.update({"id": shown.id, "article": shown.article.slug, "url": shown.url,
                   "anchor": anchor_id(shown.figure.sentence_index)})
    return record


def headline_figures(figures: list[ShownFigure]) -> list[ShownFigure]:
    """The largest counts for the whole scope or one entity, one per sentence.

    Only counts whose sentence names what is counted beside the number qualify, so a key
    figure never reads as a bare "297 cases" borrowed from elsewhere in the sentence."""
    counts = [
        f for f in figures if f.figure.unit != PERCENT and f.figure.scope and f.figure.counted
    ]
    counts.sort(key=lambda f: (f.figure.scope != UK, -f.figure.value, f.article.slug, f.number))
    chosen: list[ShownFigure] = []
    sentences: set[tuple[str, int]] = set()
    for shown in counts:
        key = (shown.article.slug, shown.figure.sentence_index)
        if key not in sentences:
            sentences.add(key)
            chosen.append(shown)
    return chosen[:HEADLINE_COUNT]


class FiguresGenerator(Generator):
    """Puts `figures` on each article, and `figures` (by article slug), `latest_figures` (newest
    articles first) and `headline_figures` in the context."""

    def generate_context(self) -> None:
        """Extract figures from every article after its sentences were anchored."""
        everything: list[ShownFigure] = []
        articles = self.context.get("articles", [])
        shown = articles_figures(articles, self.settings)
        for article, figures in zip(articles, shown, strict=True):
            article.figures = figures
            everything.extend(figures)
        self.context["latest_figures"] = list(everything)  # articles are newest first
        everything.sort(key=lambda f: (f.article.slug, f.number))
        self.context["figures"] = everything
        self.context["headline_figures"] = headline_figures(everything)

    def generate_output(self, writer) -> None:
        """Nothing to write: templates, charts and open data show the figures."""


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return FiguresGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(get_generators)
    converted.connect(figures_beside_conversion)
