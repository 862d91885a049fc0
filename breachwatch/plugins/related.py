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

from breachwatch.taxonomy import names

MAX_RELATED = 5


@dataclass(frozen=True)
class Related:
    """One related article and the reason it is shown."""

    article: Any
    same_case: bool
    shared: tuple[str, ...]


def _entries(article: Any) -> tuple[tuple[str, str, str], ...]:
    """An article's terms of every taxonomy as (field, slug, name), in the order shown: shared
    terms are what make articles related."""
    return tuple((field, term.slug, term.name)
                 for field in names() for term in getattr(article, field, []) or [])


def _terms(entries: tuple[tuple[str, str, str], ...]) -> set[tuple[str, str]]:
    """The (field, slug) pairs of an article's entries."""
    return {(field, slug) for field, slug, _ in entries}


def relation(article: Any, other: Any, mine: set[tuple[str, str]] | None = None,
             theirs: tuple[tuple[str, str, str], ...] | None = None) -> Related | None:
    """How `other` relates to `article` (their `_terms` and `_entries` may be given), or None
    when they share neither case nor terms."""
    case = getattr(article, "case", None)
    same_case = case is not None and case is getattr(other, "case", None)
    mine = _terms(_entries(article)) if mine is None else mine
    theirs = _entries(other) if theirs is None else theirs
    shared = tuple(name for field, slug, name in theirs if (field, slug) in mine)
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


def _recency(article: Any) -> tuple[float, str]:
    """The tie-break of related_articles: newest first, then slug."""
    return -article.date.timestamp(), article.slug


def _lowest_bits(mask: int, count: int) -> list[int]:
    """Positions of the `count` lowest set bits of `mask`."""
    found = []
    while mask and len(found) < count:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


def all_related(articles: list[Any], limit: int = MAX_RELATED) -> list[list[Related]]:
    """related_articles for every article at once, without comparing every pair.

    Articles are numbered newest first, and each force or breach type is a bit mask of its
    articles. For one article, adding the masks of its terms bit by bit gives, for each shared
    count, the mask of the articles sharing exactly that many terms; the lowest bits of a mask
    are its newest articles. Same order as related_articles, in time linear in the articles.
    """
    order = sorted(articles, key=_recency)
    position = {id(article): index for index, article in enumerate(order)}
    entries = [_entries(article) for article in order]
    terms = [_terms(found) for found in entries]
    masks: dict[tuple[str, str], int] = {}
    cases: dict[int, list[Any]] = {}
    for index, article in enumerate(order):
        for term in terms[index]:
            masks[term] = masks.get(term, 0) | 1 << index
        if (case := getattr(article, "case", None)) is not None:
            cases.setdefault(id(case), []).append(article)
    everyone = (1 << len(order)) - 1
    result = []
    for article in articles:
        case = getattr(article, "case", None)
        mates = [other for other in cases.get(id(case), []) if other is not article]
        mine = terms[position[id(article)]]
        found = sorted((relation(article, other, mine, entries[position[id(other)]])
                        for other in mates),
                       key=lambda r: (-len(r.shared), *_recency(r.article)))
        taken = 1 << position[id(article)]
        for other in mates:
            taken |= 1 << position[id(other)]
        digits: list[int] = []  # binary digits of each article's shared count, as masks
        for term in mine:
            carry = masks[term]
            for level, digit in enumerate(digits):
                digits[level], carry = digit ^ carry, digit & carry
            if carry:
                digits.append(carry)
        for count in range(2 ** len(digits) - 1, 0, -1):
            if len(found) >= limit:
                break
            exact = everyone & ~taken
            for level, digit in enumerate(digits):
                exact &= digit if count >> level & 1 else ~digit
            for index in _lowest_bits(exact, limit - len(found)):
                found.append(relation(article, order[index], mine, entries[index]))
        result.append(found[:limit])
    return result


def link_articles(generators: list) -> None:
    """Give each article its related list and its older and newer neighbours."""
    for generator in generators:
        if not isinstance(generator, ArticlesGenerator):
            continue
        articles = generator.articles  # newest first (ARTICLE_ORDER_BY)
        for index, (article, related) in enumerate(zip(articles, all_related(articles),
                                                       strict=True)):
            article.related = related
            article.newer_article = articles[index - 1] if index > 0 else None
            article.older_article = articles[index + 1] if index + 1 < len(articles) else None


def register() -> None:
    """Pelican plugin entry point; runs once cases and taxonomy terms are attached."""
    signals.all_generators_finalized.connect(link_articles)
