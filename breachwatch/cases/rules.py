"""The case detector's editor-maintained rules (data/cases.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from breachwatch.datafiles import read_data_file, require

_FILE = "cases.yaml"


@dataclass(frozen=True)
class EntityKind:
    """A kind of distinctive detail (organisation, role, target) and what sharing it is worth."""

    name: str
    weight: int
    patterns: tuple[re.Pattern[str], ...]
    # Per pattern, a lower-case word any match contains (None for hand-written patterns),
    # so most texts are ruled out by a plain substring test.
    literals: tuple[str | None, ...]


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
        literals: list[str | None] = [None] * len(patterns)
        for phrase in entry.get("phrases", []):
            patterns.append(_compile(
                r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"s?\b", re.I,
                f"entities.{name}"))
            literals.append(phrase.split()[0].lower())
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
