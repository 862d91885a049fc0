"""Author and category lists are dropped only when their pages are not published."""

from __future__ import annotations

from types import SimpleNamespace

from breachwatch.plugins.unwritten_lists import skip_unwritten_lists


def generator(**settings: str) -> SimpleNamespace:
    """A stand-in for Pelican's article generator with one author and one category."""
    return SimpleNamespace(settings=settings, authors=[("team", ["a1", "a2"])],
                           categories=[("articles", ["a1", "a2"])])


def test_lists_without_pages_are_dropped() -> None:
    g = generator(AUTHOR_SAVE_AS="", CATEGORY_SAVE_AS="")
    skip_unwritten_lists(g)
    assert g.authors == [] and g.categories == []


def test_lists_with_pages_are_kept() -> None:
    g = generator(AUTHOR_SAVE_AS="author/{slug}.html", CATEGORY_SAVE_AS="")
    skip_unwritten_lists(g)
    assert g.authors == [("team", ["a1", "a2"])] and g.categories == []
