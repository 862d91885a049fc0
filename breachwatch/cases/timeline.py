"""A case's timeline: allegation -> investigation -> hearing -> outcome -> barred list.

Each step is one sentence of one article, dated by a period the sentence states, by a
relative word read against the article's date ("this week"), or by the article's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from breachwatch.cases.facts import ArticleFacts
from breachwatch.cases.rules import load_case_rules
from breachwatch.extract.figures import find_periods


@dataclass(frozen=True)
class Step:
    """One dated, cited step of a case."""

    kind: str
    label: str
    key: str  # article (seed name without .txt)
    sentence_index: int  # 1-based, the article page anchor "s<index>"
    sentence: str
    start: str | None
    end: str | None
    date_text: str
    date_basis: str  # "stated", "relative" or "article date"


def _dated(sentence: str, published: date | None):
    """(start, end, words, basis) for a sentence with a period, else None."""
    periods = [p for _, p in find_periods(sentence, published) if p.start or p.end]
    if periods:
        return periods[0].start, periods[0].end or periods[0].start, periods[0].text, "stated"
    return None


def _relative(sentence: str) -> str | None:
    """The relative date words of a sentence ("this week"), if any."""
    for pattern in load_case_rules().relative_dates:
        match = pattern.search(sentence)
        if match:
            return match.group()
    return None


def article_steps(fact: ArticleFacts) -> list[Step]:
    """The steps one article reports, at most one per kind."""
    steps = []
    for kind in load_case_rules().steps:
        for cue in kind.cues:
            hits = [(i, s) for i, s in enumerate(fact.sentences, start=1) if cue.search(s)]
            if not hits:
                continue
            dated = [(i, s, _dated(s, fact.published)) for i, s in hits]
            with_date = [h for h in dated if h[2]]
            relative = [(i, s) for i, s in hits if _relative(s)]
            published = fact.published.isoformat() if fact.published else None
            if with_date:
                index, sentence, (start, end, text, basis) = with_date[0]
            elif relative:
                index, sentence = relative[0]
                start = end = published
                text, basis = _relative(sentence), "relative"
            else:
                index, sentence = hits[0]
                start = end = published
                text, basis = "reported by then", "article date"
            steps.append(Step(kind.kind, kind.label, fact.key, index, sentence, start, end,
                              text, basis))
            break
    return steps


def case_timeline(facts: list[ArticleFacts]) -> list[Step]:
    """Every step of a case's articles in story order, then by date and article."""
    order = {kind.kind: n for n, kind in enumerate(load_case_rules().steps)}
    steps = [step for fact in facts for step in article_steps(fact)]
    return sorted(steps, key=lambda s: (order[s.kind], s.start or "", s.key))


def improved_date(fact: ArticleFacts, steps: list[Step]) -> tuple[date, str] | None:
    """A better date for a low-confidence article from the case's other, dated steps.

    An article whose hearing step is dated only by a relative word ("concluded this week")
    was published when the hearing that another article of the case dates had ended."""
    if fact.date_confidence not in {"low", "none"}:
        return None
    own = [s for s in steps if s.key == fact.key and s.kind == "hearing" and s.date_basis ==
           "relative"]
    dated = [s for s in steps if s.key != fact.key and s.kind == "hearing" and s.date_basis ==
             "stated" and s.end]
    if not own or not dated:
        return None
    hearing = max(dated, key=lambda s: s.end)
    when = date.fromisoformat(hearing.end)
    if fact.published and when <= fact.published:
        return None
    basis = (f"the hearing it says ended \u201c{own[0].date_text}\u201d, dated \u201c"
             f"{hearing.date_text}\u201d in another article of the same case")
    return when, basis
