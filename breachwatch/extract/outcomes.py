"""Tag the outcomes an article reports, leaving out the ones it only says could happen."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from breachwatch.datafiles import load_entries, read_data_file, require
from breachwatch.extract.cues import (
    WORD,
    ArticleText,
    CueSet,
    CueTable,
    compile_cues,
    cue_list,
    longest_matches,
    words_before,
)
from breachwatch.extract.evidence import Evidence, first_per_slug

_FILE = "outcomes.yaml"
# How many words before a cue are read for a hedge ("could face") or a negation ("not").
HEDGE_WINDOW = 4
NEGATION_WINDOW = 3
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Outcome:
    """One outcome as listed in outcomes.yaml; `rank` 0 is the most severe."""

    slug: str
    name: str
    rank: int
    cues: tuple[str, ...]
    replaces: tuple[str, ...] = ()


def _parse_outcome(entry: Any, index: int) -> Outcome:
    """Validate one entry of `outcomes`; errors name the entry."""
    require(isinstance(entry, dict), _FILE, f"outcomes entry {index + 1} must be a mapping")
    slug = entry.get("slug")
    where = f"outcome {slug!r}" if isinstance(slug, str) else f"outcomes entry {index + 1}"
    require(isinstance(slug, str) and bool(_SLUG.fullmatch(slug)), _FILE, f"{where}: bad slug")
    name = entry.get("name")
    require(isinstance(name, str) and bool(name.strip()), _FILE, f"{where}: 'name' missing")
    unknown = set(entry) - {"slug", "name", "cues", "replaces"}
    require(not unknown, _FILE, f"{where}: unknown field(s) {sorted(unknown)}")
    cues = tuple(cue_list(entry, "cues", _FILE, where))
    require(bool(cues), _FILE, f"{where}: needs at least one cue")
    replaces = tuple(cue_list(entry, "replaces", _FILE, where))
    return Outcome(slug, name.strip(), index, cues, replaces)


@cache
def load_outcomes() -> dict[str, Outcome]:
    """Every outcome in outcomes.yaml by slug, most severe first."""
    outcomes = load_entries(_FILE, "outcomes", _parse_outcome)
    for outcome in outcomes.values():
        for other in outcome.replaces:
            problem = f"outcome {outcome.slug!r}: replaces unknown {other!r}"
            require(other in outcomes, _FILE, problem)
    return outcomes


@cache
def outcome_patterns() -> CueTable:
    """Each outcome's cues as one pattern."""
    return CueTable({
        slug: compile_cues(outcome.cues, _FILE, f"outcome {slug!r}")
        for slug, outcome in load_outcomes().items()
    })


@cache
def _qualifiers() -> dict[str, CueSet]:
    """The hedge, negation, sentence hedge and description patterns of outcomes.yaml."""
    data = read_data_file(_FILE)
    return {key: compile_cues(cue_list(data, key, _FILE, key), _FILE, key)
            for key in ("hedges", "negations", "sentence_hedges", "descriptions")}


def _describes(sentence: str, start: int) -> bool:
    """Whether the word before a cue and the cue's first word only describe someone ("a
    convicted drug dealer"): a `descriptions` phrase ending with that first word."""
    first = WORD.match(sentence, start)
    if first is None:
        return False
    phrase = f"{words_before(sentence, start, 1)} {first.group()}"
    return any(m.end() == len(phrase) for m in _qualifiers()["descriptions"].finditer(phrase))


@lru_cache(maxsize=4096)  # outcomes and status ask about the same cues of one article
def is_qualified(sentence: str, start: int) -> bool:
    """Tell whether the words before a cue make it a possibility or deny it, the sentence
    before it lists what could happen ("if proven, ... dismissal, a final written warning"),
    or the cue only describes someone ("a convicted drug dealer")."""
    qualifiers = _qualifiers()
    return bool(
        qualifiers["hedges"].search(words_before(sentence, start, HEDGE_WINDOW))
        or qualifiers["negations"].search(words_before(sentence, start, NEGATION_WINDOW))
        or qualifiers["sentence_hedges"].search(sentence[:start])
        or _describes(sentence, start)
    )


def extract_outcomes(title: str, paragraphs: list[str]) -> list[Evidence]:
    """The outcomes an article reports as having happened, most severe first."""
    outcomes = load_outcomes()
    article = ArticleText.of(title, paragraphs)
    found = [
        match.evidence()
        for match in longest_matches(article, outcome_patterns())
        if not is_qualified(match.sentence, match.offset)
    ]
    found = first_per_slug(found)
    replaced = {other for item in found for other in outcomes[item.slug].replaces}
    kept = [item for item in found if item.slug not in replaced]
    return sorted(kept, key=lambda item: outcomes[item.slug].rank)
