"""Counts of articles per term, for the breakdown tables on term pages."""

from __future__ import annotations

from collections import Counter
from typing import Any

from pelican import signals


def tally(articles: list[Any], field: str) -> list[tuple[Any, int]]:
    """(term, number of articles) for one taxonomy field, most articles first, then by name."""
    counts: Counter = Counter(term for article in articles for term in getattr(article, field))
    return sorted(counts.items(), key=lambda item: (-item[1], item[0].name))


def add_filter(generator: Any) -> None:
    """Make `articles|tally('breaches')` available to every template."""
    generator.env.filters["tally"] = tally


def register() -> None:
    """Pelican plugin entry point."""
    signals.generator_init.connect(add_filter)
