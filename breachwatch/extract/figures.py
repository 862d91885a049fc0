"""Find the numeric claims of an article: how many of what, where, over which period."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from datetime import date
from functools import cache
from typing import Any

from breachwatch.datafiles import read_data_file, require
from breachwatch.extract.dates import MONTHS, NUMBER_WORDS, WEEKDAYS
from breachwatch.extract.entities import find_entity_mentions
from breachwatch.sentences import split_sentences

_FILE = "figures.yaml"
UK = "uk"
PERCENT = "percent"
# Word numbers that can state a count; "one" is left out, it is mostly a pronoun.
COUNT_WORDS = {w: n for w, n in NUMBER_WORDS.items() if n >= 2} | {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a dozen": 12, "a hundred": 100,
}
FRACTION_WORDS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}
MULTIPLIERS = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_M = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WD = "(?:" + "|".join(WEEKDAYS) + ")"
_Y = r"(?:19|20)\d\d"
_DAY = r"[0-3]?\d(?:st|nd|rd|th)?"
# One end of a period: "Tuesday, September 26", "1st January 2022", "June 2011",
# "December last year", "2019".
_POINT = (
    rf"(?:(?:{_WD},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_M}"
    rf"|(?:{_WD},?\s+)?{_M}\s+{_DAY}(?![\d,]\d)"
    rf"|{_M})"
    rf"(?:,?\s+(?:in\s+)?(?:{_Y}|last year|this year))?"
    rf"|{_Y}"
)
# Each period pattern with what it needs to match: a year, a "point" (a year or a month) or a
# "span" word (years, months).
_PERIODS = [
    ("range", "point", re.compile(
        rf"\b(?:between|from)\s+(?P<a>{_POINT})\s+(?:and|to|until|-|\u2013)\s+(?P<b>{_POINT})",
        re.I)),
    ("since", "point", re.compile(rf"\bsince\s+(?:the\s+)?(?P<a>{_POINT})", re.I)),
    ("in", "year", re.compile(rf"\b(?:in|during|throughout)\s+(?P<a>(?:{_M}\s+)?{_Y})\b", re.I)),
    ("duration", "span", re.compile(
        r"\b(?:in|over|during|within|for)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+)?"
        r"(?:nearly\s+|almost\s+|more than\s+|around\s+|about\s+)?"
        r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?:years|months)\b", re.I)),
]
# Numbers inside dates ("March 29", "6 and 7 April", "1st January 2022") are not figures.
_DATE_SPANS = re.compile(
    rf"\b{_M}\s+{_DAY}(?:\s*(?:and|to|-|\u2013)\s*{_DAY})?(?:,?\s+{_Y})?\b"
    rf"|\b{_DAY}(?:\s*(?:and|to|-|\u2013)\s*{_DAY})?\s+(?:of\s+)?{_M}(?:,?\s+{_Y})?\b"
    rf"|\b{_Y}\b",
    re.I,
)
# A number in digits (maybe in pounds, maybe "2 million"), and one in words ("a third",
# "twelve"). The first starts with a digit or a pound sign, the second with a letter and holds
# none: their matches never overlap, so both lists merged by position are those of one regex.
_NUMBER_IN_DIGITS = re.compile(
    r"(?P<cur>\u00a3)?(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w\u00a3]|[.,]\d)"
    r"(?:\s+(?P<mult>thousand|million|billion))?",
    re.I,
)
_NUMBER_IN_WORDS = re.compile(
    r"\b(?P<frac>(?:one|two|three|four|five|six|seven|eight|nine|a)[\s-]"
    r"(?:" + "|".join(FRACTION_WORDS) + r"))\b"
    r"|\b(?P<word>" + "|".join(sorted(COUNT_WORDS, key=len, reverse=True)) + r")\b",
    re.I,
)
_PERCENT_AFTER = re.compile(r"\s*(?:%|per\s?cent\b|percent\b)", re.I)
_PARENTHESIS = re.compile(r"\s*\(\s*[\d,.]+\s*\)")
_OF = re.compile(r"\)?\s*(?:of\s+(?:the\s+|all\s+|its\s+|their\s+)?)", re.I)
_RATE = re.compile(r"\s+(?:a|per|each|every)\s+(day|week|month|year)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-\u2013\u2014]\s|\bwhile\b|\bwhereas\b")

# Cheap tests that rule a sentence out before the patterns above run (most sentences state
# no period and no number). Every number needs a digit or one of the number words as a whole
# word.
_YEAR = re.compile(_Y)
_DIGIT = re.compile(r"\d")
_MONTH_HINTS = tuple(  # a month's abbreviation stands for its full name
    name for name in MONTHS if not any(short != name and short in name for short in MONTHS)
)
_LETTER_RUN = re.compile(r"[a-z]+")
_NUMBER_HINTS = frozenset(
    [_LETTER_RUN.findall(word)[-1] for word in COUNT_WORDS] + list(FRACTION_WORDS)
)
# Besides A-Z, the characters case-insensitive matching takes for ASCII letters: lower-cased
# text with these replaced holds every letter the patterns above can match.
_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
_UNLOOK = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def _lower_ascii(sentence: str) -> str:
    """The sentence lower-cased so a case-insensitive ASCII match is a substring of it."""
    if _LOOKALIKES.search(sentence):
        sentence = sentence.translate(_UNLOOK)
    return sentence.lower()


def _period_needs(sentence: str) -> dict[str, bool]:
    """Which needs of the period patterns the sentence meets (False only when it cannot)."""
    year = _YEAR.search(sentence) is not None
    lower = _lower_ascii(sentence)
    return {"year": year, "point": year or any(name in lower for name in _MONTH_HINTS),
            "span": "years" in lower or "months" in lower}


def _may_have_number_words(sentence: str) -> bool:
    """False only when _NUMBER_IN_WORDS cannot match the sentence."""
    return not _NUMBER_HINTS.isdisjoint(_LETTER_RUN.findall(_lower_ascii(sentence)))


def _numbers(masked: str, digits: bool, words: bool) -> list[re.Match[str]]:
    """The numbers of the masked sentence, left to right (in digits and in words only if
    it may have them)."""
    found = list(_NUMBER_IN_DIGITS.finditer(masked)) if digits else []
    if words:
        found += _NUMBER_IN_WORDS.finditer(masked)
        found.sort(key=lambda match: match.start())
    return found


@dataclass(frozen=True)
class Period:
    """When a figure applies, as the article says it and as dates where the text allows."""

    text: str
    start: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class Figure:
    """One numeric claim: value, unit, scope, period, and the sentence a reader can check."""

    value: float | int
    text: str
    unit: str
    counted: str
    of: str | None
    qualifier: str
    scope: str
    scope_basis: str
    period: Period | None
    period_basis: str
    sentence: str
    sentence_index: int

    def as_record(self) -> dict[str, Any]:
        """Flat, JSON-ready fields (period split into text, start and end)."""
        record = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "period"}
        period = self.period
        record["period_text"] = period.text if period else None
        record["period_start"] = period.start if period else None
        record["period_end"] = period.end if period else None
        return record


@dataclass(frozen=True)
class _Vocabulary:
    """figures.yaml compiled for matching."""

    units: dict[str, str]
    unit_pattern: re.Pattern[str]
    times_verbs: re.Pattern[str]
    verb_units: dict[str, str]
    not_describing: frozenset[str]
    qualifier: re.Pattern[str]
    whole_scope: re.Pattern[str]


def _phrases(words: list[str]) -> str:
    """Alternation of phrases, longest first, any spacing between words."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in ordered)


@cache
def whole_scope_name() -> str:
    """How the site names a figure about every entity at once ("All UK forces")."""
    name = read_data_file(_FILE).get("whole_scope_name")
    require(isinstance(name, str) and bool(name.strip()), _FILE,
            "'whole_scope_name' must be text (shown for figures about all of them)")
    return name


@cache
def load_vocabulary() -> _Vocabulary:
    """Read and check figures.yaml once."""
    data = read_data_file(_FILE)
    require(isinstance(data, dict), _FILE, "expected a mapping")
    for key in ("units", "times_verbs"):
        require(isinstance(data.get(key), dict), _FILE, f"'{key}' must be a mapping")
    for key in ("not_describing", "qualifiers", "whole_scope"):
        ok = isinstance(data.get(key), list) and all(isinstance(w, str) for w in data[key])
        require(ok, _FILE, f"'{key}' must be a list of words (quote yes, no, on, off)")
    units: dict[str, str] = {}
    for unit, words in data["units"].items():
        require(isinstance(words, list) and bool(words), _FILE, f"unit '{unit}': list words")
        for word in words:
            key = " ".join(str(word).casefold().split())
            require(units.get(key, unit) == unit, _FILE, f"'{word}' names two units")
            units[key] = unit
    verbs = {str(k).casefold(): str(v) for k, v in data["times_verbs"].items()}
    return _Vocabulary(
        units=units,
        unit_pattern=re.compile(rf"(?:{_phrases(list(units))})\b", re.I),
        times_verbs=re.compile(rf"\b(?:{_phrases(list(verbs))})\b", re.I),
        verb_units=verbs,
        not_describing=frozenset(w.casefold() for w in data["not_describing"]),
        qualifier=re.compile(rf"\b({_phrases(data['qualifiers'])})[\s\u2018\u2019'\"\u201c]*$",
                             re.I),
        whole_scope=re.compile(rf"(?<!\w)(?:{_phrases(data['whole_scope'])})(?!\w)", re.I),
    )


def _unit_after(text: str, vocabulary: _Vocabulary) -> tuple[str, str, int] | None:
    """The unit named right after a number: (unit, words as written, end offset)."""
    position = 0
    for _describing in range(3):
        gap = re.match(r"\s*", text[position:])
        if position and not gap.group():
            return None
        position += gap.end()
        match = vocabulary.unit_pattern.match(text, position)
        if match:
            # A compound noun counts its last word: "data breach offences" are offences.
            head = re.match(r"\s+", text[match.end():])
            compound = head and vocabulary.unit_pattern.match(text, match.end() + head.end())
            match = compound or match
            key = " ".join(match.group().casefold().split())
            return vocabulary.units[key], text[: match.end()].strip(), match.end()
        word = _WORD.match(text, position)
        if not word or word.group().casefold() in vocabulary.not_describing:
            return None
        position = word.end()
    return None


def _number_value(match: re.Match[str]) -> tuple[float | int, bool]:
    """The value of a number match and whether it is a fraction (a share, not a count)."""
    groups = match.groupdict()
    if groups.get("num"):
        raw = groups["num"].replace(",", "")
        value: float | int = float(raw) if "." in raw else int(raw)
        multiplier = MULTIPLIERS.get(_lower_ascii(groups["mult"] or ""), 1)
        return value * multiplier, False
    if groups.get("frac"):
        count, _, part = re.split(r"([\s-])", _lower_ascii(groups["frac"]), maxsplit=1)
        numerator = 1 if count == "a" else NUMBER_WORDS[count]
        return round(100 * numerator / FRACTION_WORDS[part], 1), True
    return COUNT_WORDS[" ".join(_lower_ascii(groups["word"]).split())], False


def _parse_point(text: str, published: date | None, fallback_year: int | None):
    """A period end as (first day, last day), or None when its year is unknown."""
    low = " ".join(_lower_ascii(text).replace(",", " ").split())
    year_match = re.search(rf"\b({_Y})\b", low)
    year = int(year_match.group(1)) if year_match else None
    if year is None and ("last year" in low or "this year" in low) and published:
        year = published.year - (1 if "last year" in low else 0)
    year = year or fallback_year
    month = next((MONTHS[w.rstrip(".")] for w in low.split() if w.rstrip(".") in MONTHS), None)
    low_no_year = re.sub(rf"\b{_Y}\b", " ", low)
    day_match = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", low_no_year)
    if year is None:
        return None
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    if day_match and 1 <= int(day_match.group(1)) <= calendar.monthrange(year, month)[1]:
        day = date(year, month, int(day_match.group(1)))
        return day, day
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def find_periods(sentence: str, published: date | None = None) -> list[tuple[int, Period]]:
    """Every period a sentence states, with its position, most specific form first."""
    found: list[tuple[int, Period]] = []
    taken: list[tuple[int, int]] = []
    met = _period_needs(sentence)
    for kind, needs, pattern in _PERIODS:
        if not met[needs]:
            continue
        for match in pattern.finditer(sentence):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            text = match.group(0)
            start = end = None
            if kind == "range":
                # A range without years ("from Tuesday, September 26 to Wednesday, October
                # 4") is read in the year of publication; its start takes the end's year.
                this_year = published.year if published else None
                b = _parse_point(match.group("b"), published, this_year)
                a = _parse_point(match.group("a"), published, b[1].year if b else this_year)
                start = a[0].isoformat() if a else None
                end = b[1].isoformat() if b else None
            elif kind == "since":
                a = _parse_point(match.group("a"), published, None)
                start = a[0].isoformat() if a else None
            elif kind == "in":
                a = _parse_point(match.group("a"), published, None)
                start, end = (a[0].isoformat(), a[1].isoformat()) if a else (None, None)
            found.append((match.start(), Period(text, start, end)))
    return sorted(found, key=lambda item: item[0])


def _masked(sentence: str) -> str:
    """The sentence with dates blanked, so their day and year numbers are not figures."""
    if not _DIGIT.search(sentence):
        return sentence  # every date pattern needs a digit
    return _DATE_SPANS.sub(lambda m: " " * len(m.group()), sentence)


def _scope(sentence: str, position: int, previous: str | None, primary: str | None):
    """The force a figure is about, 'uk', or '', with how that was decided."""
    vocabulary = load_vocabulary()
    mentions = find_entity_mentions(sentence)
    before = [slug for slug, start, _ in mentions if start < position]
    after = [slug for slug, start, _ in mentions if start > position]
    if before:
        return before[-1], "sentence"
    if vocabulary.whole_scope.search(sentence):
        return UK, "sentence"
    if after:
        return after[0], "sentence"
    if previous is not None and vocabulary.whole_scope.search(previous):
        return UK, "previous sentence"
    if primary:
        return primary, "article"
    return "", "unknown"


def _clause_before(sentence: str, position: int) -> str:
    """The text from the last clause break up to a position."""
    head = sentence[:position]
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(head)]
    return head[max(breaks, default=0):]


def _sentence_figures(sentence: str, context: dict[str, Any]) -> list[dict[str, Any]]:
    """The raw figures of one sentence, units resolved, scope and period still to add."""
    figures: list[dict[str, Any]] = []
    digits = _DIGIT.search(sentence) is not None
    words = _may_have_number_words(sentence)
    if not digits and not words:
        return figures
    vocabulary = load_vocabulary()
    masked = _masked(sentence)
    last_count_unit: str | None = None
    last_percent: dict[str, Any] | None = None
    for match in _numbers(masked, digits, words):
        value, is_fraction = _number_value(match)
        rest = sentence[match.end():]
        percent = _PERCENT_AFTER.match(rest)
        qualifier = vocabulary.qualifier.search(sentence[: match.start()])
        figure = {
            "value": value,
            "qualifier": qualifier.group(1).lower() if qualifier else "",
            "position": match.start(),
        }
        if percent or is_fraction:
            after = rest[percent.end():] if percent else rest
            after = after[_PARENTHESIS.match(after).end():] if _PARENTHESIS.match(after) else after
            of_match = _OF.match(after)
            unit = _unit_after(after[of_match.end():], vocabulary) if of_match else None
            of = unit[0] if unit else (
                last_percent["of"] if last_percent else last_count_unit or context["last_unit"]
            )
            end = match.end() + (percent.end() if percent else 0)
            figure |= {"unit": PERCENT, "of": of, "counted": "per cent" if not is_fraction
                       else match.group(0), "text": sentence[match.start(): end]}
            last_percent = figure
        else:
            if match.groupdict().get("word") and not _unit_after(rest, vocabulary):
                continue
            unit = _unit_after(rest, vocabulary) or _unit_after(
                rest[_OF.match(rest).end():] if _OF.match(rest) else "", vocabulary
            )
            parenthesised = masked[: match.start()].rstrip().endswith("(") and last_percent
            if unit:
                name, counted, _ = unit
                if name == "occurrences":
                    verb = vocabulary.times_verbs.findall(_clause_before(sentence, match.start()))
                    if verb:
                        name = vocabulary.verb_units[" ".join(verb[-1].casefold().split())]
                rate = _RATE.match(rest[unit[2]:])
                if rate:
                    name = f"{name} per {rate.group(1).lower()}"
            elif parenthesised and last_percent["of"]:
                name, counted = last_percent["of"], ""
            elif last_count_unit:
                name, counted = last_count_unit, ""
            else:
                continue
            text = sentence[match.start(): match.end()]
            if match.groupdict().get("cur"):
                name, text = "pounds", sentence[match.start(): match.end()]
            figure |= {"unit": name, "of": None, "counted": counted, "text": text}
            last_count_unit = name
        figures.append(figure)
    return figures


def extract_figures(
    paragraphs: list[str], published: date | None = None, primary_force: str | None = None
) -> list[Figure]:
    """Every figure of an article body; sentence indexes count from 1 across paragraphs."""
    sentences = [s for paragraph in paragraphs for s in split_sentences(paragraph)]
    result: list[Figure] = []
    context: dict[str, Any] = {"last_unit": None}
    heading_period: Period | None = None
    previous: str | None = None  # the sentence before, for its period and its scope
    previous_had_figures = False
    for index, sentence in enumerate(sentences, start=1):
        raw = _sentence_figures(sentence, context)
        if not raw:
            context["last_unit"] = None
            previous, previous_had_figures = sentence, False
            continue
        periods = find_periods(sentence, published)
        if not previous_had_figures:
            # A sentence that states a period and no figure heads the figures right after
            # it; the run ends at a sentence without figures or with a period of its own.
            before = find_periods(previous, published) if previous is not None else []
            heading_period = before[0][1] if before else None
        if periods:
            heading_period = None
        for figure in raw:
            position = figure.pop("position")
            period, basis = None, ""
            if periods:
                later = [p for at, p in periods if at >= position]
                period, basis = (later[0] if later else periods[-1][1]), "sentence"
            elif heading_period:
                period, basis = heading_period, "previous sentence"
            scope, scope_basis = _scope(sentence, position, previous, primary_force)
            result.append(Figure(
                **figure, scope=scope, scope_basis=scope_basis, period=period,
                period_basis=basis, sentence=sentence, sentence_index=index,
            ))
            if figure["unit"] != PERCENT:
                context["last_unit"] = figure["unit"]
        previous, previous_had_figures = sentence, True
    return result
