"""Related articles and previous/next links, so a reader can follow one story across sources.

An article's related list puts the articles of its own case first, then those sharing the
most forces and breach types, newest first among equals. Articles sharing nothing are left
out: a list of everything is not a recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator

MAX_RELATED = 5


@dataclass(frozen=True)
class Related:
    """One related article and the reason it is shown."""

    article: Any
    same_case: bool
    shared: tuple[str, ...]


def _slugs(article: Any, field: str) -> set[str]:
    """Slugs of an article's terms in one taxonomy field."""
    return {term.slug for term in getattr(article, field, []) or []}


def relation(article: Any, other: Any) -> Related | None:
    """How `other` relates to `article`, or None when they share neither case nor terms."""
    case = getattr(article, "case", None)
    same_case = case is not None and case is getattr(other, "case", None)
    shared = tuple(
        term.name
        for field in ("forces", "breaches")
        for term in getattr(other, field, []) or []
        if term.slug in _slugs(article, field)
    )
    if not same_case and not shared:
        return None
    return Related(other, same_case, shared)


def related_articles(article: Any, articles: list[Any], limit: int = MAX_RELATED) -> list[Related]:
    """Best first: same case, then most shared forces and breach types, then newest."""
    found = [
        rel for other in articles if other is not article
        for rel in [relation(article, other)] if rel is not None
    ]
    found.sort(key=lambda r: (not r.same_case, -len(r.shared), -r.article.date.timestamp(),
                              r.article.slug))
    return found[:limit]


def link_articles(generators: list) -> None:
    """Give each article its related list and its older and newer neighbours."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        articles = generator.articles  # newest first (ARTICLE_ORDER_BY)
        for index, article in enumerate(articles):
            article.related = related_articles(article, articles)
            article.newer_article = articles[index - 1] if index > 0 else None
            article.older_article = articles[index + 1] if index + 1 < len(articles) else None


def register() -> None:
    """Pelican plugin entry point; runs once cases and taxonomy terms are attached."""
    signals.all_generators_finalized.connect(link_articles)
