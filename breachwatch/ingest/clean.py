"""Drop page boilerplate by the rules in data/boilerplate.yaml, and report each drop."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from breachwatch.datafiles import DataFileError, data_dir, read_data_file, require

_FILE = "boilerplate.yaml"


@dataclass(frozen=True)
class BoilerplateRule:
    """One whole-line pattern that marks page chrome rather than article text."""

    id: str
    pattern: re.Pattern[str]
    where: str
    why: str


@dataclass(frozen=True)
class DroppedLine:
    """A line removed from a seed, kept for the ingest report and the tests."""

    number: int
    text: str
    rule: str


@cache
def load_rules() -> tuple[BoilerplateRule, ...]:
    """Compile the editor-maintained boilerplate rules once."""
    entries = read_data_file(_FILE)
    require(isinstance(entries, list), _FILE, "expected a list of rules")
    rules = []
    for index, entry in enumerate(entries):
        where = f"rule {index + 1}"
        require(isinstance(entry, dict), _FILE, f"{where}: expected a mapping")
        missing = {"id", "pattern", "where", "why"} - set(entry)
        require(not missing, _FILE, f"{where}: missing {', '.join(sorted(missing))}")
        require(entry["where"] in {"anywhere", "edge"}, _FILE, f"{where}: bad 'where'")
        try:
            pattern = re.compile(entry["pattern"], re.IGNORECASE)
        except re.error as error:
            raise DataFileError(f"{data_dir() / _FILE}: {where}: bad pattern: {error}") from None
        rules.append(BoilerplateRule(entry["id"], pattern, entry["where"], entry["why"]))
    return tuple(rules)


def _matching_rule(line: str, rules: tuple[BoilerplateRule, ...]) -> BoilerplateRule | None:
    """Return the first rule matching the whole stripped line, if any."""
    stripped = line.strip()
    for rule in rules:
        if rule.pattern.fullmatch(stripped):
            return rule
    return None


def _edge_positions(matched: list[BoilerplateRule | None], lines: list[str]) -> set[int]:
    """Indexes of lines inside the leading and trailing runs of blank or boilerplate lines."""
    edge: set[int] = set()
    for order in (range(len(lines)), range(len(lines) - 1, -1, -1)):
        for index in order:
            if lines[index].strip() and matched[index] is None:
                break
            edge.add(index)
    return edge


def strip_boilerplate(text: str) -> tuple[list[str], list[DroppedLine]]:
    """Split text into kept lines and dropped boilerplate lines (1-based line numbers)."""
    rules = load_rules()
    lines = text.split("\n")
    matched = [_matching_rule(line, rules) if line.strip() else None for line in lines]
    edge = _edge_positions(matched, lines)
    kept: list[str] = []
    dropped: list[DroppedLine] = []
    for index, line in enumerate(lines):
        rule = matched[index]
        if rule and (rule.where == "anywhere" or index in edge):
            dropped.append(DroppedLine(index + 1, line.strip(), rule.id))
        else:
            kept.append(line)
    return kept, dropped
