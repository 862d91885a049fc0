"""Tag the types of breach an article reports, each with the sentence that shows it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from breachwatch.datafiles import load_entries, read_data_file, require
from breachwatch.extract.cues import (
    WORD,
    ArticleText,
    CueMatch,
    CueSet,
    CueTable,
    Match,
    compile_cues,
    cue_list,
    find_all,
    words_before,
)
from breachwatch.extract.evidence import Evidence, first_per_slug

_FILE = "breaches.yaml"
# How far after a disclosure verb its recipient may be named.
RECIPIENT_WINDOW = 12
# How close a recipient must follow the verb to need no linking word ("tipped off dealers").
DIRECT_OBJECT_WORDS = 2
# How many words before a cue a `not_if` phrase cancels it.
NEGATION_WINDOW = 6
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|s['\u2019])$", re.IGNORECASE)


@dataclass(frozen=True)
class BreachType:
    """One type of breach as listed in breaches.yaml."""

    slug: str
    name: str
    definition: str
    cues: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    """breaches.yaml compiled into patterns."""

    cues: CueTable
    recipients: CueTable
    verbs: CueSet
    links: frozenset[str]
    not_if: CueSet


def _parse_type(entry: Any, index: int) -> BreachType:
    """Validate one entry of `breaches`; errors name the entry."""
    require(isinstance(entry, dict), _FILE, f"breaches entry {index + 1} must be a mapping")
    slug = entry.get("slug")
    where = f"breach {slug!r}" if isinstance(slug, str) else f"breaches entry {index + 1}"
    require(
        isinstance(slug, str) and re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug) is not None,
        _FILE,
        f"{where}: 'slug' must be lower-case words joined by hyphens",
    )
    for key in ("name", "definition"):
        value = entry.get(key)
        require(isinstance(value, str) and bool(value.strip()), _FILE, f"{where}: '{key}' missing")
    unknown = set(entry) - {"slug", "name", "definition", "cues", "recipients"}
    require(not unknown, _FILE, f"{where}: unknown field(s) {sorted(unknown)}")
    cues = tuple(cue_list(entry, "cues", _FILE, where))
    recipients = tuple(cue_list(entry, "recipients", _FILE, where))
    require(bool(cues or recipients), _FILE, f"{where}: needs 'cues' or 'recipients'")
    return BreachType(slug, entry["name"].strip(), entry["definition"].strip(), cues, recipients)


@cache
def load_breach_types() -> dict[str, BreachType]:
    """Every breach type in breaches.yaml by slug, in the file's order."""
    return load_entries(_FILE, "breaches", _parse_type)


@cache
def _rules() -> _Rules:
    """Compile every cue list of breaches.yaml once."""
    data = read_data_file(_FILE)
    types = load_breach_types()
    links = cue_list(data, "recipient_links", _FILE, "recipient_links")
    return _Rules(
        cues=CueTable(
            {s: compile_cues(t.cues, _FILE, f"breach {s!r}") for s, t in types.items() if t.cues}
        ),
        recipients=CueTable({
            s: compile_cues(t.recipients, _FILE, f"breach {s!r}")
            for s, t in types.items()
            if t.recipients
        }),
        verbs=compile_cues(
            cue_list(data, "disclosure_verbs", _FILE, "disclosure_verbs"), _FILE, "verbs"
        ),
        links=frozenset(link.lower() for link in links),
        not_if=compile_cues(cue_list(data, "not_if", _FILE, "not_if"), _FILE, "not_if"),
    )


def _negated(match: Match, rules: _Rules) -> bool:
    """Tell whether a `not_if` phrase just before a cue cancels it."""
    before = words_before(match.sentence, match.offset, NEGATION_WINDOW)
    return rules.not_if.search(before) is not None


def _received(text: str, verb: CueMatch, recipient: Match, rules: _Rules) -> bool:
    """Tell whether a recipient named near a disclosure verb (same sentence) received it."""
    if _POSSESSIVE.search(text[recipient.start : recipient.end]):
        return False
    if recipient.end <= verb.start():
        between = text[recipient.end : verb.start()]
        return len(WORD.findall(between)) <= 3 and _PASSIVE.search(between) is not None
    between = WORD.findall(text[verb.end() : recipient.start])
    if len(between) > RECIPIENT_WINDOW:
        return False
    return len(between) < DIRECT_OBJECT_WORDS or any(w.lower() in rules.links for w in between)


def extract_breaches(title: str, paragraphs: list[str]) -> list[Evidence]:
    """Every breach type the article reports, with its first source sentence, in text order."""
    rules = _rules()
    article = ArticleText.of(title, paragraphs)
    found = [m for m in find_all(article, rules.cues) if not _negated(m, rules)]
    verbs_by_sentence: dict[int, list[CueMatch]] = {}
    for verb in rules.verbs.finditer(article.text):
        verbs_by_sentence.setdefault(article.index_of(verb.start()), []).append(verb)
    for recipient in find_all(article, rules.recipients):
        verbs = verbs_by_sentence.get(article.index_of(recipient.start), [])
        if not _negated(recipient, rules) and any(
            _received(article.text, verb, recipient, rules) for verb in verbs
        ):
            found.append(recipient)
    found.sort(key=lambda m: m.start)
    return first_per_slug([m.evidence() for m in found])
