"""The case detector's editor-maintained rules (data/cases.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import _constants, _parser  # to find the texts a pattern's matches contain

from breachwatch.datafiles import read_data_file, require

_FILE = "cases.yaml"


@dataclass(frozen=True)
class EntityKind:
    """A kind of distinctive detail (organisation, role, target) and what sharing it is worth."""

    name: str
    weight: int
    patterns: tuple[re.Pattern[str], ...]
    # Per pattern, lower-case texts one of which any match contains (None when there are
    # none worth testing), so most texts are ruled out by plain substring tests.
    literals: tuple[tuple[str, ...] | None, ...]


@dataclass(frozen=True)
class StepKind:
    """One timeline step (allegation ... barred list) and the cues that report it."""

    kind: str
    label: str
    cues: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class CaseRules:
    """Everything in cases.yaml."""

    entities: tuple[EntityKind, ...]
    min_entity_weight: int
    min_score: int
    period_overlap_weight: int
    allegation_overlap_weight: int
    not_cases: frozenset[str]
    steps: tuple[StepKind, ...]
    relative_dates: tuple[re.Pattern[str], ...]


# Shorter required texts rule out too little to be worth testing.
MIN_REQUIRED = 3
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def _required(items) -> frozenset[str]:
    """Texts one of which every match of parsed regex items contains: the set whose
    shortest text is longest, of those found (empty when none)."""
    best: frozenset[str] = frozenset()
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        found = [frozenset({"".join(run)})] if run else []
        run = []
        if op is _constants.SUBPATTERN and not av[1] & re.IGNORECASE:
            found.append(_required(av[3]))
        elif op is _constants.BRANCH:
            alternatives = [_required(alternative) for alternative in av[1]]
            if all(alternatives):
                found.append(frozenset().union(*alternatives))
        elif op in _REPEATS and av[0] >= 1:
            found.append(_required(av[2]))
        for texts in found:
            if texts and (not best or min(map(len, texts)) > min(map(len, best))):
                best = texts
    return best


def required_texts(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case texts one of which every match of a case-sensitive pattern contains."""
    if pattern.flags & re.IGNORECASE:
        return None  # lower-casing the text would not follow every case-blind match
    texts = _required(_parser.parse(pattern.pattern, pattern.flags))
    if not texts or min(map(len, texts)) < MIN_REQUIRED:
        return None
    return tuple(sorted(text.lower() for text in texts))


def _compile(pattern: str, flags: int, where: str) -> re.Pattern[str]:
    """Compile a pattern; a bad one fails with the data file and the entry."""
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        require(False, _FILE, f"{where}: bad pattern {pattern!r}: {error}")
        raise


@cache
def load_case_rules() -> CaseRules:
    """Read and check cases.yaml once."""
    data = read_data_file(_FILE)
    require(isinstance(data, dict), _FILE, "expected a mapping")
    for key in ("entities", "steps", "not_cases", "relative_dates"):
        require(key in data, _FILE, f"'{key}' is missing")
    kinds = []
    for name, entry in sorted(data["entities"].items()):
        require(isinstance(entry, dict) and isinstance(entry.get("weight"), int), _FILE,
                f"entities.{name}: needs an integer 'weight'")
        patterns = [_compile(p, 0, f"entities.{name}") for p in entry.get("patterns", [])]
        literals = [required_texts(pattern) for pattern in patterns]
        for phrase in entry.get("phrases", []):
            patterns.append(_compile(
                r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"s?\b", re.I,
                f"entities.{name}"))
            literals.append((phrase.split()[0].lower(),))
        kinds.append(EntityKind(name, entry["weight"], tuple(patterns), tuple(literals)))
    steps = []
    for entry in data["steps"]:
        require(isinstance(entry, dict) and {"kind", "label", "cues"} <= set(entry), _FILE,
                f"steps: {entry!r} needs kind, label and cues")
        steps.append(StepKind(entry["kind"], entry["label"], tuple(
            _compile(cue, re.I, f"steps.{entry['kind']}") for cue in entry["cues"])))
    return CaseRules(
        entities=tuple(kinds),
        min_entity_weight=int(data.get("min_entity_weight", 3)),
        min_score=int(data.get("min_score", 4)),
        period_overlap_weight=int(data.get("period_overlap_weight", 1)),
        allegation_overlap_weight=int(data.get("allegation_overlap_weight", 1)),
        not_cases=frozenset(data["not_cases"]),
        steps=tuple(steps),
        relative_dates=tuple(_compile(p, re.I, "relative_dates") for p in data["relative_dates"]),
    )
