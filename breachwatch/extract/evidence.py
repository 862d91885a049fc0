"""The shared result type of extractors: a slug and the sentence that justified it."""

from __future__ import annotations

from dataclasses import dataclass

# What a tag found in the headline records instead of a body sentence's number (field:slug:
# headline), and the headline's id on the article page.
HEADLINE = "headline"


@dataclass(frozen=True)
class Evidence:
    """A tag an extractor assigned, with the source sentence a reader can check, and why the
    extractor doubts it ("" when it does not): review.yaml decides what a doubt holds."""

    slug: str
    sentence: str
    doubt: str = ""


def first_per_slug(found: list[Evidence]) -> list[Evidence]:
    """Keep the first evidence for each slug, in order of first appearance."""
    seen: set[str] = set()
    unique: list[Evidence] = []
    for item in found:
        if item.slug not in seen:
            seen.add(item.slug)
            unique.append(item)
    return unique
