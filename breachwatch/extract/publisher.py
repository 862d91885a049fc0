"""Find who published an article: its URL's domain, else a masthead or credit line, else
'unknown'."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from breachwatch.datafiles import read_data_file, require

_FILE = "publishers.yaml"
UNKNOWN = "unknown"
# Lines at the top or bottom of the page that may carry the masthead or a credit.
_EDGE_LINES = 3
# A republisher's pages are credited to the original they name: "Bristol Post via inkl".
AGGREGATOR = "aggregator"
KINDS = ("newspaper", "broadcaster", "agency", "magazine", "subject", "watchdog", "court",
         "government", "campaign", "trade", AGGREGATOR)


@dataclass(frozen=True)
class PublisherRules:
    """The compiled contents of publishers.yaml."""

    spellings: dict[str, str]
    masthead: re.Pattern[str]
    credits: tuple[re.Pattern[str], ...]
    domains: dict[str, tuple[str, str]]  # domain -> (display name, kind)


@cache
def load_publisher_rules() -> PublisherRules:
    """Compile publishers.yaml once, checking its shape."""
    data = read_data_file(_FILE)
    require(isinstance(data, dict), _FILE, "expected a mapping")
    for key in ("known", "masthead_words", "credit_patterns"):
        require(isinstance(data.get(key), list), _FILE, f"'{key}' must be a list")
    spellings: dict[str, str] = {}
    domains: dict[str, tuple[str, str]] = {}
    for entry in data["known"]:
        require(isinstance(entry, dict) and "name" in entry, _FILE, f"bad entry {entry!r}")
        kind = entry.get("kind", "newspaper")
        # The name of what articles are about (a force) on a line of its own is a headline's
        # subject, not a masthead.
        names = [] if kind == "subject" else [entry["name"]]
        for spelling in [*names, *entry.get("spellings", [])]:
            spellings[spelling.casefold()] = entry["name"]
        require(kind in KINDS, _FILE, f"{entry['name']}: kind '{kind}' is not one of {KINDS}")
        for domain in entry.get("domains", []):
            domain = str(domain).lower().removeprefix("www.")
            require(domain not in domains, _FILE,
                    f"domain '{domain}' is listed for both {domains.get(domain, ('',))[0]} "
                    f"and {entry['name']}")
            domains[domain] = (entry["name"], kind)
    words = "|".join(re.escape(word) for word in data["masthead_words"])
    masthead = re.compile(rf"(?:The )?(?:[A-Z][\w'&-]*\s+){{0,3}}(?:{words})")
    credits = tuple(re.compile(p, re.IGNORECASE) for p in data["credit_patterns"])
    return PublisherRules(spellings, masthead, credits, domains)


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


def publisher_of_url(url: str) -> tuple[str, str] | None:
    """The (display name, kind) of the publisher whose domain serves `url`, if it is known.

    A host matches a listed domain or any of its subdomains: news.bbc.co.uk is bbc.co.uk."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    domains = load_publisher_rules().domains
    while host:
        if host in domains:
            return domains[host]
        _, _, host = host.partition(".")
    return None


def credit_publisher(url: str, listed: str, in_text: str) -> str:
    """Who to credit, first that wins: the editor's sources.csv, the web address's domain, the
    page's own masthead or credit line; a republisher as "Original via Republisher"."""
    if listed:
        return listed
    known = publisher_of_url(url) if url else None
    if known is None:
        return in_text
    name, kind = known
    if kind == AGGREGATOR and in_text not in {UNKNOWN, name}:
        return f"{in_text} via {name}"
    return name
