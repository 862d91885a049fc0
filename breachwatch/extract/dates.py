"""Find a publication date: stated in the article's web address or its date line, else inferred
from the text, always with the phrase it rests on."""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from breachwatch.extract.cues import first_letter_alternation, fold, unfoldable
from breachwatch.sentences import split_sentences

MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[number].lower(): number for number in range(7)}
NUMBER_WORDS = {
    word: number
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve".split()
    )
}
UNDATED = date(1970, 1, 1)
# An event announced for the first months of a year may have been announced the year before.
EARLY_MONTHS = 2
LATE_DECEMBER = 15



# Names grouped by first letter: the same name matches, with fewer tries.
_MONTH_NAMES = sorted(MONTHS, key=len, reverse=True)
_M = r"(?P<m>" + first_letter_alternation(_MONTH_NAMES, case=False) + r")\.?"
_WD = r"(?P<wd>" + first_letter_alternation(list(WEEKDAYS), case=False) + r")"
_D = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<y>(?:19|20)\d\d)"
_DATELINE_WORDS = ("published", "posted", "updated", "last updated", "first published")
_DATELINE = rf"(?:{'|'.join(_DATELINE_WORDS)})(?: on)?:?\s+"
_DATELINE_ALONE = re.compile(_DATELINE.replace(r"\s+", r"\s*") + "$", re.I)
# A dateline word ending a text once its trailing spaces are stripped; the longest is 19 letters.
_DATELINE_AT_END = re.compile(_DATELINE.removesuffix(r"\s+") + r"\Z", re.I)
_LONGEST_DATELINE = max(map(len, _DATELINE_WORDS)) + len(" on:")

# What a sentence must hold for a pattern to match: a year, a weekday (all end in "day"), or
# the word "year"; a pattern is tried only on sentences holding its need. Needs are looked
# for in the folded text (ASCII lower case): no other letter matches d, a, y, e or r ignoring
# case, so that finds what a case-blind search would.
_HAS_YEAR = re.compile(r"(?:19|20)\d\d")
_HAS_DAY = re.compile("day")
_HAS_YEAR_WORD = re.compile("year")
# Ordered from most to least precise; a span matched once is not matched again. They are
# written in lower case and matched against the folded text (see _scan).
PATTERNS: list[tuple[str, re.Pattern[str], re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b(?:{_WD},?\s+)?(?:the\s+)?{_D}(?:\s+of)?\s+{_M},?\s+{_Y}\b", re.I),
     _HAS_YEAR),
    # A day glued to the label before it on a scraped date line ("News9th October 2024").
    ("dmy", re.compile(rf"(?<=[a-z])(?P<d>[0-3]?\d)(?:st|nd|rd|th)\s+{_M},?\s+{_Y}\b", re.I),
     _HAS_YEAR),
    ("mdy", re.compile(rf"\b(?:{_WD},?\s+)?{_M}\s+{_D},?\s+{_Y}\b", re.I), _HAS_YEAR),
    ("iso", re.compile(rf"\b{_Y}-(?P<n_m>[01]\d)-(?P<d>[0-3]\d)\b"), _HAS_YEAR),
    # Numeric dates are read the British way, day first: 02/05/2022 is 2 May 2022.
    ("numeric", re.compile(rf"\b(?P<d>[0-3]?\d)[/.](?P<n_m>[01]?\d)[/.]{_Y}\b"), _HAS_YEAR),
    ("weekday", re.compile(rf"\b{_WD},?\s+\(?(?:the\s+)?{_D}(?:\s+of)?\s+{_M}\b", re.I),
     _HAS_DAY),
    ("weekday", re.compile(rf"\b{_WD},?\s+\(?{_M}\s+{_D}\b", re.I), _HAS_DAY),
    ("relative-month", re.compile(rf"\b{_M}\s+(?P<rel>last|this|next)\s+year\b", re.I),
     _HAS_YEAR_WORD),
    ("my", re.compile(rf"\b{_M}\s+(?:of\s+|in\s+)?{_Y}\b", re.I), _HAS_YEAR),
    ("year", re.compile(rf"\b(?:in|since|during|by|from|until|between|and|to|of)\s+{_Y}\b", re.I),
     _HAS_YEAR),
]
# The same patterns minding case, for the folded text: a case-blind regex is much slower.
_FOLDED_PATTERNS = [(kind, re.compile(pattern.pattern, pattern.flags & ~re.I), need)
                    for kind, pattern, need in PATTERNS]
_NEEDS = (_HAS_YEAR, _HAS_DAY, _HAS_YEAR_WORD)
# The ASCII letters a case-blind regex takes these for (dotted and dotless i, long s, Kelvin).
_AS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_DURATION = re.compile(
    r"\b(?:past|last|previous|in|over)\s+(?:nearly\s+|almost\s+|more than\s+)?"
    r"(?P<n>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+years\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|is due to|are due to|is set to|are set to|is expected to|next|upcoming)\b", re.I
)
_PERIOD_END = re.compile(
    r"\b(?:between|from|since|period)\b[^.;]*\b(?:and|to|until|till)\s+(?:the\s+)?$", re.I)
_PERIOD_START = re.compile(rf"\b(?:between|from)\s+(?:{_M}\s+)?{_Y}\s+(?:and|to)\s+$", re.I)
# "since" (and "the") ending a text once trailing spaces are stripped: see _since_before.
_SINCE_AT_END = re.compile(r"(?<!\w)since\Z", re.I)
# A date line under the headline or by-line: a day-precise date in one of the first sentences
# with nothing around it but a "date" label, a time, a time zone, a by-line or separators.
_DATELINE_SENTENCES = 6
_GLUED_LABEL = re.compile(r"\s*[A-Za-z]+")
# "this year (2010)", "last year, 2009": the text names the year it was written in, or the one
# before it.
_YEAR_NAMED = re.compile(r"\b(?P<rel>this|last)\s+year,?\s*\(?(?P<y>(?:19|20)\d\d)\b", re.I)
_DAY_KINDS = frozenset({"dmy", "mdy", "iso", "numeric"})
_LINE_LABEL = re.compile(r"\s*(?:date|dated)\s*:?\s*\Z", re.I)
_LINE_REST = re.compile(
    r"(?:[\s|,.:;/()•·-]|\d{1,2}[:.]\d\d|\b(?:am|pm|gmt|bst|utc|updated|published|posted|"
    r"date|on|at)\b|\bby\s+[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})*\Z", re.I)
_THE_AT_END = re.compile(r"\sthe\Z", re.I)


# A date in a web address's path: /2012/01/13/ or 2016-07-06 delimited by anything but a digit
# (an archive's address may date a page from before the web), /20160706 opening a path segment
# (a number ending a slug, "cop-jailed-20110512", is the id many publishers give an article),
# a British date-time stamp of 14 digits (day, month, year, then hh mm ss: 22042016092000),
# /2022/04/, or a year alone as a whole segment (/2021/).
_URL_DATES = (
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"), True),
    (re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[/_](?P<m>[01]\d)[/_](?P<d>[0-3]\d)(?!\d)"), False),
    (re.compile(r"(?<=/)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)"), False),
    (re.compile(r"(?<!\d)(?P<d>[0-3]\d)(?P<m>[01]\d)(?P<y>(?:19|20)\d\d)[0-2]\d[0-5]\d[0-5]\d"
                r"(?!\d)"), False),
    (re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/"), False),
    (re.compile(r"/(?P<y>(?:19|20)\d\d)/"), False),
)
# A freedom of information disclosure log's reference ends with the request's year:
# "employee-discipline-foi-4624_14", "...-data-systems-18320" (request 183/20).
_FOI_LOG = re.compile(r"foi|freedom-of-information|disclosure-log", re.I)
_FOI_REFERENCE = re.compile(r"(?<![\d])\d{1,5}[_-]?(?P<yy>\d\d)/?$")
FOI_ACT_YEAR = 2005
# Web addresses are not older than this: a number before it is an id, not a date; only a date
# written with dashes may be older.
_FIRST_WEB_YEAR = 1994


@dataclass(frozen=True)
class DateGuess:
    """An inferred publication date, the phrase it rests on, the rule and a confidence."""

    date: date
    basis: str
    rule: str
    confidence: str  # high, medium, low or none
    precision: str  # day, month or year: how much of `date` the text supports


@dataclass(frozen=True)
class _Mention:
    """One date found in the text, with the latest day it can mean."""

    start: date
    end: date
    phrase: str
    precise: bool
    future: bool
    since: bool
    dateline: bool


def _name(word: str | None) -> str:
    """A month or weekday name as matched, in the lower case the name tables use."""
    return (word or "").translate(_AS_ASCII).lower()


def _month_end(year: int, month: int) -> date:
    """Last day of a month, the latest day a month-precision mention can mean."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _weekday_year(month: int, day: int, weekday: int, floor: int, today: date) -> int | None:
    """Smallest year from `floor` (or latest past year) where day/month fell on weekday."""
    years = range(max(floor, 1990), today.year + 2)
    fits = [y for y in years if _valid(y, month, day) and date(y, month, day).weekday() == weekday]
    if not fits:
        return None
    return fits[0] if floor else max(y for y in fits if y <= today.year + 1)


def _valid(year: int, month: int, day: int) -> bool:
    """Tell whether the numbers make a real calendar date."""
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _needs_held(sentences: list[str]) -> tuple[list[set[re.Pattern[str]]], list[str]]:
    """Which needs each sentence holds (one search of the whole article per need), and each
    sentence folded."""
    starts, position = [], 0
    for sentence in sentences:
        starts.append(position)
        position += len(sentence) + 1
    held: list[set[re.Pattern[str]]] = [set() for _ in sentences]
    folded = fold("\x00".join(sentences))  # no need spans a sentence break
    for need in _NEEDS:
        for match in need.finditer(folded):
            held[bisect_right(starts, match.start()) - 1].add(need)
    return held, [folded[start:start + len(s)] for start, s in zip(starts, sentences, strict=True)]


def _scan(sentence: str, folded: str,
          held: set[re.Pattern[str]]) -> list[tuple[str, re.Match[str]]]:
    """All date expressions in a sentence, most precise first, without overlaps.

    They are found in the folded sentence (same positions), unless the sentence holds a letter
    folding cannot handle: then in the sentence as written, ignoring case."""
    if not held:
        return []
    text, patterns = ((sentence, PATTERNS) if unfoldable(sentence)
                      else (folded, _FOLDED_PATTERNS))
    taken: list[range] = []
    found: list[tuple[str, re.Match[str]]] = []
    for kind, pattern, need in patterns:
        if need not in held:
            continue
        for match in pattern.finditer(text):
            span = range(match.start(), match.end())
            if any(span.start < t.stop and t.start < span.stop for t in taken):
                continue
            taken.append(span)
            found.append((kind, match))
    return found


def _since_before(sentence: str, position: int) -> bool:
    """Tell whether "since" (or "since the") and spaces come just before a position."""
    before = sentence[:position]
    stripped = before.rstrip()
    if len(stripped) == len(before):
        return False
    if _THE_AT_END.search(stripped[-4:]):
        between = stripped[:-3]  # ends with the spaces between "since" and "the"
        if _SINCE_AT_END.search(between.rstrip()[-6:]):
            return True
    return _SINCE_AT_END.search(stripped[-6:]) is not None


def _alone(sentence: str, match: re.Match[str]) -> bool:
    """Tell whether a date stands alone in its sentence, as on a date line ("date 2022-04-05",
    "Tuesday 4 April 2023 10:32 BST", "By Jo Bloggs | 4 April 2023")."""
    before, after = sentence[:match.start()], sentence[match.end():]
    if _LINE_LABEL.match(before):
        return True  # "date 2022-04-05" opening a page whose lines were run together
    if _GLUED_LABEL.fullmatch(before) and not after.strip():
        return True  # "News9th October 2024": a label and its date line run together
    return bool(_LINE_REST.match(before) and _LINE_REST.match(after))


def _dateline_before(sentence: str, position: int) -> bool:
    """Tell whether a dateline word ("Published on:") and spaces come just before a position."""
    before = sentence[:position]
    stripped = before.rstrip()
    return len(stripped) < len(before) and bool(
        _DATELINE_AT_END.search(stripped[-_LONGEST_DATELINE:])
    )


def infer_date(title: str, paragraphs: list[str], today: date | None = None) -> DateGuess:
    """Guess when the article was published from the dates and relative phrases it uses."""
    today = today or date.today()
    sentences = [s for p in [title, *paragraphs] for s in split_sentences(p)]
    held, folded = _needs_held(sentences)
    scanned = [
        (s, kind, m)
        for s, f, needs in zip(sentences, folded, held, strict=True)
        for kind, m in _scan(s, f, needs)
    ]
    # A dateline word on its own line ("Published") dates the sentence that follows it.
    after_dateline = {
        sentences[i + 1] for i, s in enumerate(sentences[:-1]) if _DATELINE_ALONE.match(s)
    }
    opening = set(sentences[:_DATELINE_SENTENCES])
    explicit_years = [int(m.group("y")) for _, kind, m in scanned if "y" in m.re.groupindex]
    floor = max((y for y in explicit_years if y <= today.year), default=0)
    durations = [
        (int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n").lower()])
        for s, needs in zip(sentences, held, strict=True)
        if _HAS_YEAR_WORD in needs  # every duration ends in "years"
        for m in _DURATION.finditer(s)
    ]
    publication_year: int | None = None

    mentions: list[_Mention] = []
    future_sentences: dict[str, bool] = {}  # whether each sentence speaks of the future
    for sentence, kind, match in scanned:
        groups = match.groupdict()
        month = MONTHS.get(_name(groups.get("m")).rstrip("."))
        if groups.get("n_m"):
            month = int(groups["n_m"])
            if not 1 <= month <= 12:
                continue
        since = _since_before(sentence, match.start())
        if sentence not in future_sentences:
            future_sentences[sentence] = bool(_FUTURE.search(sentence))
        future = future_sentences[sentence]
        dateline = _dateline_before(sentence, match.start()) or (
            sentence in after_dateline and match.start() == 0
        ) or (kind in _DAY_KINDS and sentence in opening and _alone(sentence, match))
        phrase = sentence[match.start():match.end()]  # as written, not folded
        if kind == "year":
            phrase = groups["y"]
        if kind in {"dmy", "mdy", "iso", "numeric", "weekday"}:
            day = int(groups["d"])
            year = int(groups["y"]) if groups.get("y") else None
            weekday = WEEKDAYS.get(_name(groups.get("wd")))
            guessed = year is None and not floor  # a weekday's year with no year in the text
            if year is None:
                if weekday is None or month is None:
                    continue
                year = _weekday_year(month, day, weekday, floor, today)
                if year is None:
                    continue
            if not _valid(year, month, day):
                continue
            when = date(year, month, day)
            # The end of a period at issue ("between May and 31 December 2015") says when the
            # events stopped, not when they were reported: it dates an article loosely.
            loose = guessed or bool(_PERIOD_END.search(sentence[:match.start()]))
            mentions.append(_Mention(when, when, phrase, not loose, future, since, dateline))
        elif kind == "relative-month" and durations:
            # "between June 2011 and December last year" over "the past five years":
            # the period's start plus its length gives the year of publication.
            opening = _PERIOD_START.search(sentence[: match.start()])
            if not opening:
                continue
            start_year = int(opening.group("y"))
            publication_year = start_year + max(durations)
            offset = {"last": -1, "this": 0, "next": 1}[groups["rel"].lower()]
            year = publication_year + offset
            mentions.append(
                _Mention(date(year, month, 1), _month_end(year, month), phrase, False,
                         future, since, dateline)
            )
        elif kind == "my":
            year = int(groups["y"])
            mentions.append(
                _Mention(date(year, month, 1), _month_end(year, month), phrase, False,
                         future, since, dateline)
            )
        elif kind == "year":
            year = int(groups["y"])
            mentions.append(
                _Mention(date(year, 1, 1), date(year, 12, 31), phrase, False,
                         future, since, dateline)
            )
    mentions = [m for m in mentions if m.start <= date(today.year + 1, 12, 31)]

    datelines = [m for m in mentions if m.dateline]
    if datelines:
        first = datelines[0]
        return DateGuess(first.start, first.phrase, "dateline", "high", _precision(first))
    past = [m for m in mentions if not m.future and not m.since and m.end <= today]
    future = [m for m in mentions if m.future and not m.since]
    latest = max(past, key=lambda m: (m.end, m.precise), default=None)
    upcoming = min((m for m in future if m.precise), key=lambda m: m.start, default=None)
    later_year = upcoming is not None and latest is not None and (
        upcoming.start.year > latest.end.year)
    if upcoming and (latest is None or (upcoming.start > latest.end and not latest.precise)
                     or later_year):
        # Published before the event it announces, and not after today: a year at best, and
        # likely the event's own year unless the event falls early in it.
        year = min(upcoming.start.year, today.year)
        likely = upcoming.start.month >= EARLY_MONTHS + 1 and year == upcoming.start.year
        return DateGuess(
            date(year, 1, 1), f"before {upcoming.phrase}", "before-announced-event",
            "medium" if likely else "low", "year",
        )
    named = next((m for s, needs in zip(sentences, held, strict=True)
                  if _HAS_YEAR_WORD in needs for m in _YEAR_NAMED.finditer(s)), None)
    if named is not None:
        year = int(named["y"]) + (named["rel"].lower() == "last")
        if year <= today.year:
            return DateGuess(date(year, 1, 1), named.group(0), "year-named", "medium", "year")
    relative = [m for m in mentions if not re.search(r"\d{4}", m.phrase)]
    if publication_year and relative and (latest is None or latest.end.year < publication_year):
        return DateGuess(
            date(publication_year, 1, 1),
            f"{relative[0].phrase} (a period of {max(durations)} years)",
            "relative-year-from-period",
            "low",
            "year",
        )
    if latest:
        # Between the last event and one still to come in a later year, or after an event
        # late in December (reported in the new year as often as not): the year is open.
        straddles = (upcoming is not None and upcoming.start.year > latest.end.year) or (
            latest.end.month == 12 and latest.end.day > LATE_DECEMBER)
        confidence = "medium" if latest.precise and not straddles else "low"
        # Figures "over the last three years" from May 2008 to May 2011: written in 2011.
        spans_period = any(latest.end.year - length in explicit_years for length in durations)
        if confidence == "low" and spans_period and not straddles:
            return DateGuess(date(latest.end.year, 1, 1),
                             f"{latest.phrase} (the end of a period of {max(durations)} years)",
                             "period-end", "medium", "year")
        return DateGuess(
            latest.end, latest.phrase, "latest-dated-event", confidence, _precision(latest)
        )
    return DateGuess(UNDATED, "no date in the text", "undated", "none", "year")


def date_from_url(url: str, today: date | None = None) -> DateGuess | None:
    """The publication date written in a web address's path, if it has a plausible one."""
    today = today or date.today()
    path = urlsplit(url).path
    for pattern, any_year in _URL_DATES:
        for match in pattern.finditer(path):
            groups = match.groupdict()
            year = int(groups["y"])
            month, day = int(groups.get("m") or 1), int(groups.get("d") or 1)
            if not ((any_year or _FIRST_WEB_YEAR <= year) and 1 <= month <= 12
                    and _valid(year, month, day)):
                continue
            when = date(year, month, day)
            if when > today:
                continue
            precision = "day" if groups.get("d") else "month" if groups.get("m") else "year"
            return DateGuess(when, f"the web address ({match.group(0).strip('/')})", "url",
                             "high", precision)
    reference = _FOI_REFERENCE.search(path) if _FOI_LOG.search(url) else None
    if reference:
        year = 2000 + int(reference["yy"])
        if FOI_ACT_YEAR <= year <= today.year:
            return DateGuess(date(year, 1, 1), f"the request number in the web address "
                             f"({reference.group(0).strip('/')})", "url", "medium", "year")
    return None


def _precision(mention: _Mention) -> str:
    """How much of a mention's date the text states: a day, a month or a year."""
    if mention.precise:
        return "day"
    return "month" if mention.start.month == mention.end.month else "year"
