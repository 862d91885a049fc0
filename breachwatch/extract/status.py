"""Decide where an article's case stands, keeping allegation and finding apart."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import islice
from typing import Any

from breachwatch.datafiles import load_entries, read_data_file, require
from breachwatch.extract.cues import (
    WORD,
    ArticleText,
    CueSet,
    compile_cues,
    cue_list,
    fold,
    longest_matches,
)
from breachwatch.extract.entities import count_pattern
from breachwatch.extract.evidence import Evidence
from breachwatch.extract.outcomes import is_qualified, load_outcomes, outcome_patterns

_FILE = "statuses.yaml"
SLUGS = ("alleged", "proven", "not-proven", "statistics")
# Every doubt a status may carry; review.yaml must say what each one does.
DOUBTS = ("conflict", "one-cue", "courts", "figures", "words", "no-cue")
# Digits glued to more digits or words: part of a web address, a date with slashes, a time
# or a phone number ("10:30", "01/02", "020 7946 0958"), no count.
_GLUED_BEFORE = re.compile(r"(?:/|\d:|\d )\Z")
_GLUED_AFTER = re.compile(r"[\w.,:]\d|\w|/")
# Digits that can be a count: no leading zero, and not a run of six or more (a reference).
_COUNT_LIKE = re.compile(r"(?!0\d)(?:\d{1,5}(?:\.\d+)?|\d{1,3}(?:,\d{3})+)\Z")
# A number joined to a word is an adjective, not a count: "a 50-year-old", "an 18-month ban".
_COMPOUND = re.compile(r"-[A-Za-z]")
# Numbers written as words, as reports give small counts ("four officers were sacked"); "one"
# is left out, as it mostly means "a". Searched in the folded (lower-case) text: faster.
_NUMBER_WORDS = re.compile(
    r"\b(?:t(?:wo|hree|en|welve|hirteen|wenty|hirty|housands?)|f(?:our|ive|ourteen|ifteen|orty|"
    r"ifty)|s(?:ix|even|ixteen|eventeen|ixty|eventy)|e(?:ight|leven|ighteen|ighty)|n(?:ine|"
    r"ineteen|inety)|dozens?|hundreds?)\b")
# A number that follows "=" or a colon is a table's cell: "Dismissed = 5", "Officers: 12".
_CELL_BEFORE = re.compile(r"(?:=|[A-Za-z)]\s*:)\s*\Z")
# A number after one of these words is a reference, not a count: "section 40", "rule 7".
_REFERENCE_BEFORE = re.compile(
    r"\b(?:sections?|s|articles?|regulations?|paragraph|para|rule|schedule|chapter|part|no|"
    r"number|ref|reference|question|item|tel|telephone|phone|fax|aged?|ages|between|pp?|"
    r"pages?)\.?:?\s*(?:\d+\s*[-\u2013]\s*)?\Z"
    # a subsection after a section ("32(1) and (2)")
    r"|(?:\d|\))\s*(?:(?:,|and|or|&)\s*)?\(\Z",
    re.IGNORECASE)
# A section of a statute ("5(1)") or a law report's volume ("[1994] 2 WLR 673").
_REFERENCE_AFTER = re.compile(
    r"\(\d|\s+(?:WLR|All ER|QB|KB|AC|Cr App R|Crim LR|EWCA|EWHC|UKSC|UKHL|NICA|NICC)\b")
# A count of the people or things a breach's data was about ("the personal data of 9,483
# officers", "details of more than 200 staff") sizes one breach; it is no count of cases.
_SUBJECTS_BEFORE = re.compile(
    r"\b(?:data|details|information|names|records|files|addresses|photographs)\s+"
    r"(?:of|on|about|for|relating\s+to|belonging\s+to)\s+"
    r"(?:(?:more\s+than|over|almost|nearly|around|about|up\s+to|some|all|the)\s+)?\Z",
    re.IGNORECASE)
# A list item's number at the start of a sentence ("1. an officer accessed ...").
_LIST_MARK_AFTER = re.compile(r"[.)]\s")
_DIGIT = re.compile(r"\d")
# A share, but not "100 per cent", which mostly means "wholly" ("100 per cent confidence").
_PERCENT = re.compile(r"(?<![\d.])(?!100(?![\d.]))\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)",
                      re.IGNORECASE)
_WORDS_AFTER = 3
# With a cited source of figures and a count in words, this many sentences of figures (the
# source's and the count's) make statistics.
SOURCED_SENTENCES = 2
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
def _phrases(key: str, section: str = "") -> CueSet:
    """A list of cue phrases of statuses.yaml (`key`, in `section` if given), compiled once."""
    data = read_data_file(_FILE)
    where = f"{section} {key}".strip()
    return compile_cues(cue_list(data[section] if section else data, key, _FILE, where),
                        _FILE, where)


@cache
def _opening_sentences() -> int:
    """How many sentences after the headline make the opening, which weighs more."""
    value = read_data_file(_FILE).get("opening_sentences")
    require(isinstance(value, int) and value >= 0, _FILE, "'opening_sentences' must be a number")
    return value


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


def counts_something(sentence: str, counted: CueSet | None = None) -> bool:
    """Tell whether a sentence gives an aggregate figure: a percentage or a count of things
    (of `counted`, by default everything statuses.yaml counts)."""
    if not _DIGIT.search(sentence):
        return False  # both a percentage and a count need a digit
    if _PERCENT.search(sentence):
        return True
    counted = _statistics_rules()[1] if counted is None else counted
    counts = 0
    # The investigation's counts (no year, date, length of time, sum or age: its entity
    # file's `figures`, `measures` and `labels`), less what a count of cases never is.
    for number in count_pattern().finditer(sentence):
        text = number.group().rstrip(",")
        if not _COUNT_LIKE.match(text):  # a phone number's, a code's or a case reference's
            continue
        before = sentence[max(0, number.start() - 12):number.start()]
        after = sentence[number.start() + len(text) :]
        if (_GLUED_BEFORE.search(before) or _GLUED_AFTER.match(after)
                or _REFERENCE_BEFORE.search(before)
                or _COMPOUND.match(after) or _REFERENCE_AFTER.match(after)
                or (not before.strip() and _LIST_MARK_AFTER.match(after))
                or _SUBJECTS_BEFORE.search(sentence, max(0, number.start() - 40),
                                           number.start())):
            continue
        if _CELL_BEFORE.search(before):
            return True
        window = " ".join(m.group() for m in islice(WORD.finditer(after), _WORDS_AFTER))
        if counted.search(window):
            return True
        counts += 1
    return counts >= COUNTS_IN_A_LIST


def _counted_in_words(article: ArticleText) -> list[str]:
    """Sentences giving a count in words of something counted ("four officers were sacked")."""
    _, counted = _statistics_rules()
    found: list[str] = []
    for match in _NUMBER_WORDS.finditer(fold(article.text)):
        sentence, offset = article.locate(match.start())
        if found and found[-1] == sentence:
            continue
        after = sentence[offset + len(match.group()):]
        window = " ".join(m.group() for m in islice(WORD.finditer(after), _WORDS_AFTER))
        if counted.search(window):
            found.append(sentence)
    return found


def _first_cue(slug: str, article: ArticleText) -> Evidence | None:
    """The first sentence with a cue for one status."""
    pattern = _cues().get(slug)
    if pattern is None:
        return None
    match = next(iter(pattern.finditer(article.text)), None)
    return Evidence(slug, article.locate(match.start())[0]) if match else None


@dataclass(frozen=True)
class _Decision:
    """A reported decision: which way it went, and the sentence (0 is the headline)."""

    slug: str
    number: int
    sentence: str

    @cached_property
    def by_court(self) -> bool:
        """Whether its sentence gives a court's finding, which may be about anyone (looked
        up once, as several rules ask)."""
        return _phrases("court_findings").search(self.sentence) is not None


def _decisions(article: ArticleText) -> list[_Decision]:
    """Every unhedged, undenied report of a finding or a clearance, and every sanction that
    only follows a finding, in text order, one per sentence and way.

    A finding inside a clearance's words ("conviction quashed", "appeal against conviction
    allowed") is not a finding, and a verdict opener ("the panel found") is a finding only
    when its sentence holds no clearance ("found misconduct not proven", "he was not
    guilty, the jury decided")."""
    cleared = _unqualified(article, _cues().get("not-proven"))
    spans = [(m.start(), m.end()) for m in cleared]
    found = [_Decision("not-proven", article.index_of(m.start()), article.locate(m.start())[0])
             for m in cleared]
    findings = [(m.start(), m.end()) for m in _unqualified(article, _cues().get("proven"))]
    findings += [(m.start, m.end) for m in longest_matches(article, outcome_patterns())
                 if m.slug in _proven_by_outcomes() and not is_qualified(m.sentence, m.offset)]
    for first, last in findings:
        if not any(start < last and first < end for start, end in spans):
            found.append(_Decision("proven", article.index_of(first), article.locate(first)[0]))
    for match in _unqualified(article, _phrases("verdict_openers")):
        number = article.index_of(match.start())
        if not any(number == article.index_of(start) for start, _ in spans):
            found.append(_Decision("proven", number, article.locate(match.start())[0]))
    return sorted(set(found), key=lambda decision: (decision.number, decision.slug))


def _unqualified(article: ArticleText, pattern: CueSet | None) -> list[re.Match[str]]:
    """The matches of a pattern in an article that no hedge or negation qualifies."""
    if pattern is None:
        return []
    matches = []
    for match in pattern.finditer(article.text):
        sentence, offset = article.locate(match.start())
        if not is_qualified(sentence, offset):
            matches.append(match)
    return matches


def _weight(number: int, opening: int) -> int:
    """How much a decision counts: the headline most, then the opening sentences."""
    return 3 if number == 0 else 2 if number <= opening else 1


def _decide(decisions: list[_Decision], opening: int) -> Evidence:
    """The status the decisions add up to; a partial clearance does not undo a finding.

    The doubt says when the verdict rests on one cue deep in the text, or when the other
    verdict is reported in the headline, the opening or more than once."""
    scores = {"proven": 0, "not-proven": 0}
    for decision in decisions:
        scores[decision.slug] += _weight(decision.number, opening)
    slug = "proven" if scores["proven"] >= scores["not-proven"] else "not-proven"
    other = "not-proven" if slug == "proven" else "proven"
    best = min((d for d in decisions if d.slug == slug),
               key=lambda d: (-_weight(d.number, opening), d.number))
    # A clearance weighing as much as a headline against a finding, any finding against a
    # clearance, however deep (a partial clearance does not undo a finding), or the other
    # verdict in the opening and placed as high as any of this one's (it won on numbers, not
    # on place), is for an editor.
    highest = {side: max((_weight(d.number, opening) for d in decisions if d.slug == side),
                         default=0) for side in scores}
    contested = (scores[other] >= 3 or (slug == "not-proven" and scores["proven"] >= 1)
                 or highest[other] >= max(2, highest[slug]))
    # One finding deep in the text is doubtful when it may be anyone's: a court's verdict
    # on a suspect, a partner or a victim; a misconduct panel's or a regulator's finding
    # is the force's. A clearance deep in the text may be of anything.
    lone = scores[slug] == 1 and (slug == "not-proven" or best.by_court)
    # Findings only a court's, none in the headline or naming the force's people or their
    # offences: they may all be about someone else in the story.
    insiders = _phrases("insiders")
    courts = slug == "proven" and all(
        d.number > 0 and d.by_court and not insiders.search(d.sentence)
        for d in decisions if d.slug == slug)
    doubt = "conflict" if contested else "one-cue" if lone else "courts" if courts else ""
    return Evidence(slug, best.sentence, doubt)


def _allegation_up_front(article: ArticleText, opening: int) -> Evidence | None:
    """An allegation in the headline or the opening, which outweighs one decision cue deep
    in the text: a trial still running names past verdicts and other people's."""
    for match in _unqualified(article, _phrases("pending")):
        if article.index_of(match.start()) > opening:
            break
        return Evidence("alleged", article.locate(match.start())[0])
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
    """The article's status and the sentence it rests on (empty if it is only a default).

    Aggregate figures make it statistics unless the headline reports one case's decision and
    the figures are few (a court report gives months, counts and sums too). A case status of
    an article that says where its figures come from (a freedom of information answer, a
    data release) is doubted ("figures"): it may report aggregates, not one case."""
    article = ArticleText.of(title, paragraphs)
    minimum, _ = _statistics_rules()
    opening = _opening_sentences()
    figures = [article.sentences[number] for number in _with_digits(article)]
    figures = [s for s in figures if counts_something(s)]
    questions = [article.locate(m.start())[0]
                 for m in _phrases("questions", "statistics").finditer(article.text)]
    sources = [article.locate(m.start())[0]
               for m in _phrases("sources", "statistics").finditer(article.text)]
    # Counts in words back up figures in digits or a cited source of figures; alone they are
    # a court report's ("two officers were jailed").
    in_words = _counted_in_words(article) if figures or sources else []
    in_digits = bool(figures)
    figures += [s for s in dict.fromkeys([*questions, *sources[:1], *in_words])
                if s not in figures]  # a request for figures cites its law more than once
    decisions = _decisions(article)
    # A headline with a decision reports one case, unless it counts people ("150 officers
    # disciplined"); a case's own counts ("accessed 60 records") do not make it many.
    one_case = any(d.number == 0 for d in decisions) and not (
        counts_something(title, _phrases("people", "statistics"))
        or _phrases("groups", "statistics").search(title))
    # A cited source of figures and a count of people or cases are aggregates, whatever the
    # headline says ("Police sacked over posts ... figures obtained under FOI show").
    sourced = bool(sources and in_words)
    if (len(figures) >= minimum and not (one_case and len(figures) < 2 * minimum)) or (
            sourced and len(figures) >= SOURCED_SENTENCES):
        # Counts in words without a figure in digits fit a case with several people too.
        return Evidence("statistics", figures[0], "" if in_digits or not in_words else "words")
    if decisions:
        found = _decide(decisions, opening)
        # Only court verdicts after the opening: those of a trial still running may be
        # anyone's, past or other people's.
        deep = all(d.number > opening and d.by_court for d in decisions if d.slug == "proven")
        if found.slug == "proven" and (found.doubt == "one-cue" or deep):
            found = _allegation_up_front(article, opening) or found
    else:
        found = _first_cue("alleged", article) or Evidence("alleged", "", "no-cue")
    if sources and not found.doubt:
        return Evidence(found.slug, found.sentence or sources[0], "figures")
    return found
