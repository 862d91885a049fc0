"""The fast related-articles index gives exactly the pairwise definition's lists."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from breachwatch.plugins.related import all_related, related_articles


@dataclass(frozen=True)
class Term:
    slug: str
    name: str


@dataclass(eq=False)
class Story:
    slug: str
    date: datetime
    forces: list[Term] = field(default_factory=list)
    breaches: list[Term] = field(default_factory=list)
    case: object | None = None


def _stories(count: int, seed: int) -> list[Story]:
    """Random articles with overlapping forces, breach types, cases and equal dates."""
    rng = random.Random(seed)
    forces = [Term(f"force-{i}", f"Force {i}") for i in range(6)]
    breaches = [Term(f"breach-{i}", f"Breach {i}") for i in range(4)]
    cases = [object() for _ in range(3)]
    start = datetime(2020, 1, 1)
    return [
        Story(f"story-{i:03d}", start + timedelta(days=rng.randrange(30)),
              rng.sample(forces, rng.randrange(4)), rng.sample(breaches, rng.randrange(3)),
              rng.choice([None, None, None, *cases]))
        for i in range(count)
    ]


def test_index_equals_pairwise_definition() -> None:
    for seed in range(5):
        stories = _stories(80, seed)
        fast = all_related(stories)
        for story, found in zip(stories, fast, strict=True):
            assert found == related_articles(story, stories), story.slug


def test_article_sharing_nothing_gets_no_related() -> None:
    stories = _stories(20, 1)
    loner = Story("loner", datetime(2021, 1, 1))
    assert all_related([*stories, loner])[-1] == []
