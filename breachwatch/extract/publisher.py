"""Find who published an article: a masthead or credit line, else 'unknown'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from breachwatch.datafiles import read_data_file, require

_FILE = "publishers.yaml"
UNKNOWN = "unknown"
# Lines at the top or bottom of the page that may carry the masthead or a credit.
_EDGE_LINES = 3


@dataclass(frozen=True)
class PublisherRules:
    """The compiled contents of publishers.yaml."""

    spellings: dict[str, str]
    masthead: re.Pattern[str]
    credits: tuple[re.Pattern[str], ...]


@cache
def load_publisher_rules() -> PublisherRules:
    """Compile publishers.yaml once, checking its shape."""
    data = read_data_file(_FILE)
    require(isinstance(data, dict), _FILE, "expected a mapping")
    for key in ("known", "masthead_words", "credit_patterns"):
        require(isinstance(data.get(key), list), _FILE, f"'{key}' must be a list")
    spellings: dict[str, str] = {}
    for entry in data["known"]:
        require(isinstance(entry, dict) and "name" in entry, _FILE, f"bad entry {entry!r}")
        for spelling in [entry["name"], *entry.get("spellings", [])]:
            spellings[spelling.casefold()] = entry["name"]
    words = "|".join(re.escape(word) for word in data["masthead_words"])
    masthead = re.compile(rf"(?:The )?(?:[A-Z][\w'&-]*\s+){{0,3}}(?:{words})")
    credits = tuple(re.compile(p, re.IGNORECASE) for p in data["credit_patterns"])
    return PublisherRules(spellings, masthead, credits)


def masthead_publisher(line: str) -> str | None:
    """Return the publisher if `line` is a masthead (a known outlet or a paper's title)."""
    rules = load_publisher_rules()
    stripped = line.strip().rstrip(".")
    known = rules.spellings.get(stripped.casefold()) or rules.spellings.get(
        stripped.casefold().removeprefix("the ")
    )
    if known:
        return known
    if len(stripped.split()) <= 5 and rules.masthead.fullmatch(stripped):
        return stripped
    return None


def credited_publisher(line: str) -> str | None:
    """Return the publisher named by a credit line such as 'First published in X'."""
    rules = load_publisher_rules()
    for pattern in rules.credits:
        match = pattern.fullmatch(line.strip())
        if match:
            name = match.group("name").strip()
            if name.startswith("the "):
                name = "T" + name[1:]
            return rules.spellings.get(name.casefold(), name)
    return None


def extract_publisher(lines: list[str]) -> tuple[str, int | None]:
    """Return (publisher, index of the line that named it) from a page's edge lines."""
    content = [index for index, line in enumerate(lines) if line.strip()]
    top, bottom = content[:_EDGE_LINES], content[-_EDGE_LINES:]
    for index in top[:1]:
        name = masthead_publisher(lines[index])
        if name:
            return name, index
    for index in top + bottom:
        name = credited_publisher(lines[index])
        if name:
            return name, index
    return UNKNOWN, None
