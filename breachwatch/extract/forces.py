"""Tag the police forces an article is about, not those it mentions in passing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from breachwatch.datafiles import DATA_DIR, DataFileError, read_data_file, require
from breachwatch.extract.cues import (
    ArticleText,
    WordIndex,
    first_letter_alternation,
    fold,
    unfoldable,
    word_index,
)
from breachwatch.extract.evidence import Evidence
from breachwatch.sentences import split_sentences

_FILE = "forces.yaml"
COUNTRIES = frozenset(
    {"England", "Wales", "Scotland", "Northern Ireland", "Great Britain", "United Kingdom"}
)
# Clause breaks: a passing cue only disqualifies mentions in its own clause.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014]|\s-\s")
_QUOTES_AND_SPACE = " \t\"'\u2018\u2019\u201c\u201d."
# How much each kind of mention adds to a force's relevance.
_WEIGHTS = {"title": 4, "about": 2, "neutral": 1}
# A force with only neutral mentions counts once it is named this many times.
NEUTRAL_MENTIONS_ENOUGH = 2


@dataclass(frozen=True)
class Force:
    """One police force as listed in forces.yaml."""

    name: str
    slug: str
    country: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()


# Joins an article's sentences: no phrase can match across it (phrases hold no NUL).
_SENTENCE_BREAK = "\x00"


@dataclass(frozen=True)
class _Phrases:
    """A list of phrases as one regex, searched only where one of their first words starts.

    A match starts a word (the regex begins with (?<!\\w)) with its phrase's first word, so
    the places worth trying are where those first words start words; they are found in the
    lower-cased text, which agrees with the case-blind regex unless the text holds one of the
    letters fold() cannot handle (see unfoldable). A first word is a whole word of the text
    when more follows it in its phrase; otherwise (a one-word phrase taking a plural or any
    ending) it only begins one.
    """

    regex: re.Pattern[str]
    case: bool
    scans: dict[str, re.Pattern[str]] | None  # by first word; None: search the whole text
    whole: frozenset[str]  # first words that are whole words (lower case)
    partial: tuple[str, ...]  # first words that may only begin a word (lower case)

    def finditer(self, text: str, index: WordIndex | None = None) -> list[re.Match[str]]:
        """Like regex.finditer: every match, left to right, none overlapping.

        `index` may be the word index of any text with the same words (the sentences joined
        or spaced differently); by default that of `text`."""
        if self.scans is None or (not self.case and unfoldable(text)):
            return list(self.regex.finditer(text))
        folded = fold(text)
        index = index or word_index(folded)
        leads = [*(self.whole & index.words), *filter(index.has_prefix, self.partial)]
        if not leads:
            return []
        starts = sorted({m.start() for lead in leads for m in self.scans[lead].finditer(folded)})
        found = []
        after = 0
        for at in starts:
            if at < after:
                continue
            match = self.regex.match(text, at)
            if match:
                found.append(match)
                after = match.end()
        return found


@dataclass(frozen=True)
class _Rules:
    """forces.yaml compiled into the patterns the matcher needs."""

    names: _Phrases
    abbreviations: _Phrases
    owners: dict[str, str]
    excludes: dict[str, _Phrases]
    bodies: _Phrases
    passing: re.Pattern[str]
    about: re.Pattern[str]
    figures: re.Pattern[str]


def slugify_force_name(name: str) -> str:
    """The slug a force name must have, so editors cannot let the two drift apart."""
    return re.sub(r"[^a-z0-9]+", "-", name.replace("&", " and ").lower()).strip("-")


def _key(term: str) -> str:
    """How a name is compared: any case, any spacing, "&" as "and"."""
    return " ".join(term.replace("&", " and ").replace("\u2019", "'").casefold().split())


def _strings(value: Any, where: str, key: str) -> tuple[str, ...]:
    """Check that an optional field is a list of non-empty strings."""
    value = [] if value is None else value
    ok = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    require(ok, _FILE, f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _parse_force(entry: Any, index: int) -> Force:
    """Validate one entry of `forces`; errors name the entry."""
    require(isinstance(entry, dict), _FILE, f"forces entry {index + 1} must be a mapping")
    name = entry.get("name")
    where = f"force {name!r}" if isinstance(name, str) else f"forces entry {index + 1}"
    require(isinstance(name, str) and bool(name.strip()), _FILE, f"{where}: 'name' missing")
    unknown = set(entry) - {"name", "slug", "country", "aliases", "abbreviations", "exclude"}
    require(not unknown, _FILE, f"{where}: unknown field(s) {sorted(unknown)}")
    expected = slugify_force_name(name)
    require(
        entry.get("slug") == expected,
        _FILE,
        f"{where}: slug {entry.get('slug')!r} should be {expected!r}",
    )
    require(
        entry.get("country") in COUNTRIES,
        _FILE,
        f"{where}: country {entry.get('country')!r} is not one of {sorted(COUNTRIES)}",
    )
    return Force(
        name=name,
        slug=expected,
        country=entry["country"],
        aliases=_strings(entry.get("aliases"), where, "aliases"),
        abbreviations=_strings(entry.get("abbreviations"), where, "abbreviations"),
        exclude=_strings(entry.get("exclude"), where, "exclude"),
    )


def parse_forces(data: Any) -> dict[str, Force]:
    """Validate the `forces` list: shapes, slugs, and no name shared by two forces."""
    require(isinstance(data, dict), _FILE, "expected a mapping")
    require(isinstance(data.get("forces"), list), _FILE, "'forces' must be a list")
    forces: dict[str, Force] = {}
    owner: dict[str, str] = {}
    for index, entry in enumerate(data["forces"]):
        force = _parse_force(entry, index)
        require(force.slug not in forces, _FILE, f"force {force.name!r}: duplicate slug")
        forces[force.slug] = force
        for term in (force.name, *force.aliases, *force.abbreviations):
            taken = owner.setdefault(_key(term), force.slug)
            require(
                taken == force.slug,
                _FILE,
                f"force {force.name!r}: {term!r} already belongs to {taken!r}",
            )
    return forces


@cache
def load_forces() -> dict[str, Force]:
    """Every force in forces.yaml by slug, validated once per process."""
    return parse_forces(read_data_file(_FILE))


def _phrase(text: str, plural: bool = False) -> str:
    """Regex for a phrase: any spacing, "and" or "&", either apostrophe, * for any ending."""
    stem = text.endswith("*")
    parts = [
        "(?:and|&)" if word.lower() == "and" else re.escape(word).replace("'", "['\u2019]")
        for word in text.rstrip("*").split()
    ]
    return r"\s+".join(parts) + (r"\w*" if stem else "s?" if plural else "")


def _any(phrases: Iterable[str], case: bool = False, plural: bool = False) -> re.Pattern[str]:
    """One pattern matching any of the phrases, longest first; never matches if empty."""
    ordered = sorted(phrases, key=len, reverse=True)
    alternatives = first_letter_alternation([_phrase(p, plural) for p in ordered], case) or r"(?!)"
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", 0 if case else re.IGNORECASE)


def _indexed(phrases: Iterable[str], case: bool = False, plural: bool = False) -> _Phrases:
    """Phrases as one pattern, with a literal-first scan for each of their first words."""
    phrases = list(phrases)
    regex = _any(phrases, case, plural)
    scans: dict[str, re.Pattern[str]] = {}
    whole: set[str] = set()
    partial: set[str] = set()
    for phrase in phrases:
        words = phrase.split()
        run = re.match(r"\w+", words[0]) if words else None
        if run is None or not run.group().isascii() or words[0].lower() == "and":
            return _Phrases(regex, case, None, frozenset(), ())
        ends = run.group() == words[0].rstrip("*") and len(words) == 1
        lead = run.group().lower()  # looked for in the folded text, even when case matters
        (partial if ends and (plural or phrase.endswith("*")) else whole).add(lead)
        # The lead, then a look back that it starts a word: the engine skips to the lead.
        scans.setdefault(lead, re.compile(rf"{lead}(?<!\w{lead})"))
    return _Phrases(regex, case, scans, frozenset(whole), tuple(sorted(partial)))


@cache
def _rules() -> _Rules:
    """Compile forces.yaml (forces, bodies, cues) once."""
    data = read_data_file(_FILE)
    forces = load_forces().values()
    cues = data.get("cues")
    require(isinstance(cues, dict), _FILE, "'cues' must be a mapping")
    require(isinstance(cues.get("figures"), str), _FILE, "cues: 'figures' must be a regex")
    try:
        figures = re.compile(cues["figures"])
    except re.error as error:
        raise DataFileError(f"{DATA_DIR / _FILE}: cues: bad 'figures' regex ({error})") from None
    names = [term for f in forces for term in (f.name, *f.aliases)]
    abbreviations = [term for f in forces for term in f.abbreviations]
    return _Rules(
        names=_indexed(names),
        abbreviations=_indexed(abbreviations, case=True),
        owners={_key(t): f.slug for f in forces for t in (f.name, *f.aliases, *f.abbreviations)},
        excludes={f.slug: _indexed(f.exclude) for f in forces if f.exclude},
        bodies=_indexed(_strings(data.get("bodies"), "bodies", "bodies"), plural=True),
        passing=_any(_strings(cues.get("passing"), "cues", "passing")),
        about=_any(_strings(cues.get("about"), "cues", "about")),
        figures=figures,
    )


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Tell whether a span shares any character with one of `spans`."""
    return any(start < span[1] and span[0] < end for start, end in spans)


def find_force_mentions(text: str, index: WordIndex | None = None) -> list[tuple[str, int, int]]:
    """Every force named in `text` as (slug, start, end), left to right, longest name wins.

    Names must start with a capital; a match inside a non-force body's name or one of the
    force's own `exclude` phrases does not count. `index`: see _Phrases.finditer."""
    rules = _rules()
    matches = [m for m in rules.names.finditer(text, index) if m.group()[0].isupper()]
    matches += rules.abbreviations.finditer(text, index)
    if not matches:
        return []
    blocked = [m.span() for m in rules.bodies.finditer(text, index)]
    excluded: dict[str, list[tuple[int, int]]] = {}
    kept: list[tuple[str, int, int]] = []
    for match in sorted(matches, key=lambda m: (m.start() - m.end(), m.start())):
        slug = rules.owners[_key(match.group())]
        exclude = rules.excludes.get(slug)
        if exclude is not None and slug not in excluded:
            excluded[slug] = [m.span() for m in exclude.finditer(text, index)]
        vetoes = blocked + excluded.get(slug, [])
        vetoes += [(start, end) for _, start, end in kept]
        if not _overlaps(match.span(), vetoes):
            kept.append((slug, *match.span()))
    return sorted(kept, key=lambda found: found[1])


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a mention, plus the next clause when the mention ends its own."""
    breaks = [m.span() for m in _CLAUSE_BREAK.finditer(sentence)]
    left = max((e for s, e in breaks if e <= start), default=0)
    after = [s for s, _ in breaks if s >= end]
    right = after[0] if after else len(sentence)
    if not sentence[end:right].strip(_QUOTES_AND_SPACE):
        right = after[1] if len(after) > 1 else len(sentence)
    return sentence[left:right]


def _mention_kind(sentence: str, start: int, end: int) -> str:
    """Judge one mention: 'passing', 'about' (officers, words, figures) or 'neutral'."""
    rules = _rules()
    blanked = sentence[:start] + " " * (end - start) + sentence[end:]
    if rules.passing.search(_clause(blanked, start, end)):
        return "passing"
    if rules.about.search(blanked) or rules.figures.search(blanked):
        return "about"
    return "neutral"


def extract_forces(title: str, paragraphs: list[str]) -> list[Evidence]:
    """The forces the article is about, most relevant first, each with its best sentence."""
    sentences = [(title, True)] + [(s, False) for p in paragraphs for s in split_sentences(p)]
    starts, position = [], 0
    for sentence, _ in sentences:
        starts.append(position)
        position += len(sentence) + len(_SENTENCE_BREAK)
    text = _SENTENCE_BREAK.join(sentence for sentence, _ in sentences)
    score: dict[str, int] = {}
    neutral_count: dict[str, int] = {}
    about: dict[str, Evidence] = {}
    neutral: dict[str, Evidence] = {}
    # One search of the whole article: no name, body or exclude phrase spans two sentences.
    # The cue matchers' text of the article has the same words: its word index serves.
    index = word_index(fold(ArticleText.of(title, paragraphs).text))
    for slug, start, end in find_force_mentions(text, index):
        number = bisect_right(starts, start) - 1
        sentence, is_title = sentences[number]
        kind = _mention_kind(sentence, start - starts[number], end - starts[number])
        if kind == "passing":
            continue
        kind = "title" if is_title else kind
        score[slug] = score.get(slug, 0) + _WEIGHTS[kind]
        if kind == "neutral":
            neutral_count[slug] = neutral_count.get(slug, 0) + 1
            neutral.setdefault(slug, Evidence(slug, sentence))
        else:
            about.setdefault(slug, Evidence(slug, sentence))
    chosen = [
        slug
        for slug in score
        if slug in about or neutral_count[slug] >= NEUTRAL_MENTIONS_ENOUGH or not about
    ]
    chosen.sort(key=lambda slug: -score[slug])  # stable: first named first among equals
    return [about.get(slug) or neutral[slug] for slug in chosen]
