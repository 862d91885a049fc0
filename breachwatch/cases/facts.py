"""What the case detector knows about one article, independent of Pelican."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from breachwatch.cases.rules import load_case_rules
from breachwatch.extract.figures import find_periods


@dataclass
class ArticleFacts:
    """One article as the detector sees it: key, the slugs of what it is about (forces) and of
its kinds (breach types), sentences, date."""

    key: str  # the seed's file name without .txt: stable when titles change
    slug: str
    subjects: list[str]
    kinds: list[str]
    status: str
    sentences: list[str]
    published: date | None
    date_confidence: str = "medium"
    # Found in the sentences unless given (by the memo, which keeps text_facts).
    entities: dict[str, str] | None = None  # entity -> kind
    periods: list[tuple[date, date]] | None = None

    def __post_init__(self) -> None:
        """Find distinctive details and stated periods once."""
        if self.entities is None or self.periods is None:
            self.entities, self.periods = text_facts(self.sentences, self.published)


def text_facts(
    sentences: list[str], published: date | None
) -> tuple[dict[str, str], list[tuple[date, date]]]:
    """What the detector finds in an article's text: its distinctive details and periods."""
    return distinctive_entities(sentences), stated_periods(sentences, published)


def distinctive_entities(sentences: list[str]) -> dict[str, str]:
    """Organisations, roles and targets named in the text, lower-cased, with their kind."""
    found: dict[str, str] = {}
    lower = "\n".join(sentences).lower()
    for kind in load_case_rules().entities:
        for pattern, literal in zip(kind.patterns, kind.literals, strict=True):
            if literal is not None and not any(text in lower for text in literal):
                continue  # no match can be in the text
            for sentence in sentences:
                for match in pattern.finditer(sentence):
                    entity = " ".join(match.group().lower().split()).removesuffix("s")
                    found.setdefault(entity, kind.name)
    return found


def stated_periods(sentences: list[str], published: date | None) -> list[tuple[date, date]]:
    """Periods with both ends known, as (start, end) dates; 'since' runs to publication."""
    periods = []
    for sentence in sentences:
        for _, period in find_periods(sentence, published):
            end = period.end or (published.isoformat() if published and period.start else None)
            if period.start and end:
                periods.append((date.fromisoformat(period.start), date.fromisoformat(end)))
    return sorted(set(periods))
