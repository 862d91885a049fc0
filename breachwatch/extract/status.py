"""Decide where an article's case stands, keeping allegation and finding apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

from breachwatch.datafiles import load_entries, read_data_file, require
from breachwatch.extract.cues import WORD, ArticleText, CueSet, compile_cues, cue_list
from breachwatch.extract.evidence import Evidence
from breachwatch.extract.outcomes import extract_outcomes, is_qualified, load_outcomes

_FILE = "statuses.yaml"
SLUGS = ("alleged", "proven", "not-proven", "statistics")
# A number that is a count: not a year, not a day of a month, not an ordinal.
_NUMBER = re.compile(
    r"(?<![\w.,£$])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,£$])\d+(?:\.\d+)?(?![\w.,]\d|\w)"
)
_DIGIT = re.compile(r"\d")
_PERCENT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)", re.IGNORECASE)
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# A month name ending the text (after trailing spaces are stripped): the longest is 9 letters.
_MONTH_AT_END = re.compile(rf"{_MONTH}\Z", re.IGNORECASE)
_LONGEST_MONTH = len("September")
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*{_MONTH}\b", re.IGNORECASE)
_WORDS_AFTER = 3
# A sentence with this many counts is a list of figures even without a counted noun.
COUNTS_IN_A_LIST = 2


@dataclass(frozen=True)
class Status:
    """One case status as listed in statuses.yaml."""

    slug: str
    name: str
    definition: str
    cues: tuple[str, ...] = ()


def _parse_status(entry: Any, index: int) -> Status:
    """Validate one entry of `statuses`; errors name the entry."""
    require(isinstance(entry, dict), _FILE, f"statuses entry {index + 1} must be a mapping")
    slug = entry.get("slug")
    require(slug in SLUGS, _FILE, f"statuses entry {index + 1}: slug must be one of {SLUGS}")
    for key in ("name", "definition"):
        value = entry.get(key)
        require(isinstance(value, str) and bool(value.strip()), _FILE, f"{slug}: '{key}' missing")
    cues = tuple(cue_list(entry, "cues", _FILE, f"status {slug!r}"))
    return Status(slug, entry["name"].strip(), entry["definition"].strip(), cues)


@cache
def load_statuses() -> dict[str, Status]:
    """The four statuses by slug."""
    statuses = load_entries(_FILE, "statuses", _parse_status)
    missing = set(SLUGS) - set(statuses)
    require(not missing, _FILE, f"missing status(es) {sorted(missing)}")
    return statuses


@cache
def _statistics_rules() -> tuple[int, CueSet]:
    """How many count sentences make an article statistics, and what counts."""
    rules = read_data_file(_FILE).get("statistics")
    require(isinstance(rules, dict), _FILE, "'statistics' must be a mapping")
    minimum = rules.get("min_sentences")
    require(isinstance(minimum, int) and minimum > 0, _FILE, "statistics: bad 'min_sentences'")
    counted = compile_cues(cue_list(rules, "counted", _FILE, "statistics"), _FILE, "counted")
    return minimum, counted


@cache
def _proven_by_outcomes() -> frozenset[str]:
    """Outcomes that only follow a finding, so reporting one reports a finding."""
    slugs = cue_list(read_data_file(_FILE), "proven_by_outcomes", _FILE, "proven_by_outcomes")
    unknown = set(slugs) - set(load_outcomes())
    require(not unknown, _FILE, f"proven_by_outcomes: unknown outcome(s) {sorted(unknown)}")
    return frozenset(slugs)


@cache
def _cues() -> dict[str, CueSet]:
    """Each status's cue pattern."""
    return {
        slug: compile_cues(status.cues, _FILE, f"status {slug!r}")
        for slug, status in load_statuses().items()
        if status.cues
    }


def _is_year(number: str) -> bool:
    """Tell whether a bare number reads as a year."""
    return len(number) == 4 and number.isdigit() and 1900 <= int(number) <= 2099


def _month_before(sentence: str, position: int) -> bool:
    """Tell whether a month name, then only spaces, comes just before a position ("May 14")."""
    return _MONTH_AT_END.search(sentence[:position].rstrip()[-_LONGEST_MONTH:]) is not None


def counts_something(sentence: str) -> bool:
    """Tell whether a sentence gives an aggregate figure: a percentage or a count of things."""
    if not _DIGIT.search(sentence):
        return False  # both a percentage and a count need a digit
    if _PERCENT.search(sentence):
        return True
    _, counted = _statistics_rules()
    counts = 0
    for number in _NUMBER.finditer(sentence):
        text = number.group()
        if _is_year(text) or _month_before(sentence, number.start()):
            continue
        after = sentence[number.end() :]
        if _DATE_AFTER.match(after):
            continue
        window = " ".join(m.group() for m in islice(WORD.finditer(after), _WORDS_AFTER))
        if counted.search(window):
            return True
        counts += 1
    return counts >= COUNTS_IN_A_LIST


def _first_cue(slug: str, article: ArticleText) -> Evidence | None:
    """The first sentence with an unqualified cue for one status."""
    pattern = _cues().get(slug)
    if pattern is None:
        return None
    for match in pattern.finditer(article.text):
        sentence, offset = article.locate(match.start())
        if slug == "alleged" or not is_qualified(sentence, offset):
            return Evidence(slug, sentence)
    return None


def _with_digits(article: ArticleText) -> list[int]:
    """The sentences holding a digit, the only ones that can give a figure, in order."""
    found = []
    match = _DIGIT.search(article.text)
    while match:
        number = article.index_of(match.start())
        found.append(number)
        if number + 1 == len(article.starts):
            break
        match = _DIGIT.search(article.text, article.starts[number + 1])
    return found


def extract_status(title: str, paragraphs: list[str]) -> Evidence:
    """The article's status and the sentence it rests on (empty if it is only a default)."""
    article = ArticleText.of(title, paragraphs)
    minimum, _ = _statistics_rules()
    figures = [article.sentences[number] for number in _with_digits(article)]
    figures = [s for s in figures if counts_something(s)]
    if len(figures) >= minimum:
        return Evidence("statistics", figures[0])
    found = _first_cue("not-proven", article) or _first_cue("proven", article)
    if found is not None:
        return found
    for outcome in extract_outcomes(title, paragraphs):
        if outcome.slug in _proven_by_outcomes():
            return Evidence("proven", outcome.sentence)
    return _first_cue("alleged", article) or Evidence("alleged", "")
