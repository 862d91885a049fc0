"""Tag the entities an article is about (its investigation's gazetteer: police forces here),
not those it mentions in passing.

The rules were learnt on police reporting, so names and comments speak of forces; every word
they match comes from the gazetteer's data file."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from breachwatch.datafiles import DataFileError, data_dir, read_data_file, require
from breachwatch.extract.cues import (
    ArticleText,
    WordIndex,
    cue_regex,
    first_letter_alternation,
    fold,
    unfoldable,
    word_index,
)
from breachwatch.extract.dates import NUMBER_WORDS
from breachwatch.extract.evidence import Evidence
from breachwatch.sentences import split_sentences
from breachwatch.taxonomy import entity_taxonomy

# Every doubt a found entity may carry, but the publisher's own ("publisher": the release's
# author, which an editor need not check); review.yaml must say what each one does.
DOUBTS = ("area-name", "incidental", "investigating")


def _file() -> str:
    """The gazetteer's data file: the terms of the investigation's entity taxonomy."""
    return entity_taxonomy().terms


COUNTRIES = frozenset(
    {"England", "Wales", "Scotland", "Northern Ireland", "Great Britain", "United Kingdom"}
)
# Clause breaks: a passing cue only disqualifies mentions in its own clause.
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]\u2013\u2014]|\s-\s")
_BREAK_CHARS = ",;:()[]\u2013\u2014"
_SPACED_DASH = re.compile(r"\s-\s")
_QUOTES_AND_SPACE = " \t\"'\u2018\u2019\u201c\u201d."
# How much each kind of mention adds to a force's relevance ("area": a bare area name in a
# list of figures).
_WEIGHTS = {"title": 4, "about": 2, "area": 2, "neutral": 1}
# How far around a mention the frames, vetoes and links are looked for (characters).
_WINDOW = 80
# Where a frame's {force} stands; the mention is replaced by it in the looked-at text.
_SLOT = "{entity}"
_AREA_SLOT = "{area}"
# A mention's own abbreviation in brackets right after it ("... Ireland (PSNI)") is the same
# mention, not a second one.
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
# "In Essex, a constable ...": an area after "in", its force's people right after it.
_IN_BEFORE = re.compile(r"(?<![\w'])in\s+\Z")
# Counts in words of those people ("In Kent, ten members of staff").
_COUNTS = "|".join(word for word, number in NUMBER_WORDS.items() if number)
# Between two forces or areas of one joint unit ("Kent and Essex", "Bedfordshire, Herts and").
_JOINED = re.compile(r"\s*(?:,\s*(?:(?:and|&)\s+)?|(?:and|&)\s+)")
# What may stand between a mention and a phrase after it: a possessive, the mention's
# abbreviation in brackets.
_AFTER_MENTION = r"\A(?:'s?)?(?:\s*\([^()]{1,20}\))?"
# A place name of a home or address, capitalised words ("Southend-on-Sea", "Welwyn Garden
# City"), just before the comma that precedes the county.
_TOWN = r"((?:[A-Z][\w'\u2019.-]*\s+){0,4}[A-Z][\w'\u2019.-]*),\s*\Z"
# Areas listed before another after the same words ("officers from Kent, Essex and"): up to
# three, each of up to three words.
_LISTED_BEFORE = r"(?:(?:[\w'-]+\s+){0,2}[\w'-]+(?:,\s*|,?\s+(?:and|&)\s+)){0,3}"
# Punctuation between an area and its figure: "Merseyside (208)", "Kent: 57", "Essex - 98".
_FIGURE_PUNCTUATION = r"\s*(?:[(:\u2013\u2014-]\s*|,\s*)?"

# A force with only neutral mentions counts once it is named this many times.
NEUTRAL_MENTIONS_ENOUGH = 2


@dataclass(frozen=True)
class Entity:
    """One police force as listed in forces.yaml."""

    name: str
    slug: str
    country: str
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()


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
class _Frames:
    """Phrases around a mention ("investigation by {force}"), split so each side is one regex."""

    # `before` is searched in the lower-cased text before the mention, `after` matched on the
    # lower-cased text after it, and each pair of `both` needs both.
    before: re.Pattern[str]
    after: re.Pattern[str]
    both: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]
    # The words right before a mention that some frame (or a word between) ends with: most
    # mentions follow none of them, and need no search. None: any word may.
    last: frozenset[str] | None

    def around(self, left: str, right: str) -> bool:
        """Tell whether a frame holds the mention between `left` and `right`."""
        if self.after.match(right):
            return True
        if self.last is not None and (left.rsplit(None, 1) or [""])[-1] not in self.last:
            return False
        if self.before.search(left):
            return True
        return any(after.match(right) and before.search(left) for before, after in self.both)


@dataclass(frozen=True)
class _Rules:
    """forces.yaml compiled into the patterns the matcher needs."""

    names: _Phrases  # names, aliases and areas: one scan finds them all
    abbreviations: _Phrases
    area_keys: frozenset[str]
    owners: dict[str, str]
    excludes: dict[str, _Phrases]
    bodies: _Phrases
    passing: re.Pattern[str]
    about: re.Pattern[str]
    figures: re.Pattern[str]  # a count: a number that is no year, sum, measure, date or age
    frames: _Frames  # roles in passing: investigating, running an operation, a home
    venues: _Frames  # the place of a hearing: a neutral mention at most
    own_unit: re.Pattern[str]  # on the folded text after a mention
    joint_unit: re.Pattern[str]  # on the folded text after a group of forces or areas
    unit_before: re.Pattern[str]  # on the folded text before a group of forces or areas
    area_veto: re.Pattern[str]  # on the folded text after an area name
    home: re.Pattern[str]  # on the text before an area name
    figure_after: re.Pattern[str]  # on the text after an area name
    staff_before: re.Pattern[str]  # on the folded text before an area name
    staff_after: re.Pattern[str]  # on the folded text after an area name, "in" before it
    staff_next: re.Pattern[str]  # on the folded text right after an area name
    forces_after: re.Pattern[str]  # on the folded text after an area name


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
    require(ok, _file(), f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(value)


def _parse_force(entry: Any, index: int) -> Entity:
    """Validate one entry of `forces`; errors name the entry."""
    require(isinstance(entry, dict), _file(), f"forces entry {index + 1} must be a mapping")
    name = entry.get("name")
    where = f"force {name!r}" if isinstance(name, str) else f"forces entry {index + 1}"
    require(isinstance(name, str) and bool(name.strip()), _file(), f"{where}: 'name' missing")
    fields = {"name", "slug", "country", "aliases", "abbreviations", "exclude", "areas"}
    unknown = set(entry) - fields
    require(not unknown, _file(), f"{where}: unknown field(s) {sorted(unknown)}")
    expected = slugify_force_name(name)
    require(
        entry.get("slug") == expected,
        _file(),
        f"{where}: slug {entry.get('slug')!r} should be {expected!r}",
    )
    require(
        entry.get("country") in COUNTRIES,
        _file(),
        f"{where}: country {entry.get('country')!r} is not one of {sorted(COUNTRIES)}",
    )
    return Entity(
        name=name,
        slug=expected,
        country=entry["country"],
        aliases=_strings(entry.get("aliases"), where, "aliases"),
        abbreviations=_strings(entry.get("abbreviations"), where, "abbreviations"),
        exclude=_strings(entry.get("exclude"), where, "exclude"),
        areas=_strings(entry.get("areas"), where, "areas"),
    )


def parse_entities(data: Any) -> dict[str, Entity]:
    """Validate the `forces` list: shapes, slugs, and no name shared by two forces."""
    require(isinstance(data, dict), _file(), "expected a mapping")
    key = entity_taxonomy().name
    require(isinstance(data.get(key), list), _file(), f"'{key}' must be a list")
    forces: dict[str, Entity] = {}
    owner: dict[str, str] = {}
    for index, entry in enumerate(data[key]):
        force = _parse_force(entry, index)
        require(force.slug not in forces, _file(), f"force {force.name!r}: duplicate slug")
        forces[force.slug] = force
        for term in (force.name, *force.aliases, *force.abbreviations, *force.areas):
            taken = owner.setdefault(_key(term), force.slug)
            require(
                taken == force.slug,
                _file(),
                f"force {force.name!r}: {term!r} already belongs to {taken!r}",
            )
    return forces


@cache
def load_entities() -> dict[str, Entity]:
    """Every force in forces.yaml by slug, validated once per process."""
    return parse_entities(read_data_file(_file()))


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


def _rest(phrase: str, lead: str, plural: bool) -> str | None:
    """What must follow a phrase's lead in folded text (None: nothing), to scan for less."""
    words = phrase.lower().split()
    tail = words[0][len(lead) :].rstrip("*")
    if len(words) == 1:
        return None if phrase.endswith("*") or plural or not tail else re.escape(tail)
    return re.escape(tail) + r"\s+" + _phrase(" ".join(words[1:]), plural)


def _indexed(phrases: Iterable[str], case: bool = False, plural: bool = False) -> _Phrases:
    """Phrases as one pattern, with a literal-first scan for each of their first words."""
    phrases = list(phrases)
    regex = _any(phrases, case, plural)
    rests: dict[str, list[str] | None] = {}
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
        rest = _rest(phrase, lead, plural)
        if rest is None:
            rests[lead] = None
        elif rests.get(lead, []) is not None:
            rests.setdefault(lead, []).append(rest)
    # The lead, then a look back that it starts a word: the engine skips to the lead. When
    # every phrase it leads goes on ("Police Scotland"), a look ahead for the rest spares a
    # match at each "police" of the text.
    scans = {
        lead: re.compile(rf"{lead}(?<!\w{lead})" + (f"(?={'|'.join(rest)})" if rest else ""))
        for lead, rest in rests.items()
    }
    return _Phrases(regex, case, scans, frozenset(whole), tuple(sorted(partial)))


def _cues(phrases: Iterable[str]) -> str:
    """Cue phrases as one alternation: lower-case ones any case, others ("May") as written."""
    exact, any_case = [], []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        (any_case if phrase == phrase.lower() else exact).append(cue_regex(phrase))
    alternatives = [*exact, *([f"(?i:{'|'.join(any_case)})"] if any_case else [])]
    return "|".join(alternatives) or r"(?!)"


def _lowered(phrases: Iterable[str]) -> str:
    """Cue phrases as one alternation for lower-cased text, where case-blind regexes are slow."""
    sources = [cue_regex(p.lower()) for p in sorted(set(phrases), key=len, reverse=True)]
    return first_letter_alternation(sources, case=True) or r"(?!)"


def _last_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The words phrases can end with (None: a stem), so most mentions need no frame search."""
    found: set[str] = set()
    for phrase in phrases:
        last = re.findall(r"\([^()]*\)\??|\S+", phrase.lower())[-1]
        if last.endswith("*") or last.endswith("?"):
            return None
        options = last[1:-1].split("|") if last.startswith("(") else [last]
        if any(not option.split() or option.endswith("*") for option in options):
            return None
        found.update(option.split()[-1] for option in options)
    return frozenset(found)


def _counts(figures: str, measures: tuple[str, ...], labels: tuple[str, ...]) -> str:
    """A regex for counts only: sums, durations, dates and ages are no force's figures."""
    by_length: dict[int, list[str]] = {}
    for label in labels:
        for written in (f"{label} ", f"{label}. "):  # "Aug 19", "Aug. 19"
            source = re.escape(written)
            by_length.setdefault(len(written), []).append(
                source if label != label.lower() else f"(?i:{source})"
            )
    # A look-behind must have one width: one per length of label.
    behind = "".join(rf"(?<!\b(?:{'|'.join(group)}))" for group in by_length.values())
    after = rf"(?!\s*-?\s*(?:{_cues(measures)})(?![\w']))"
    return rf"(?=\d){behind}(?>(?:{figures})){after}"


def _frames(phrases: tuple[str, ...], between: tuple[str, ...]) -> _Frames:
    """Compile frames by side, so each mention costs one match and at most one search."""
    befores, afters, both = [], [], []
    for phrase in phrases:
        require(phrase.count(_SLOT) == 1, _file(), f"cues: frame {phrase!r} needs one {_SLOT}")
        left, right = (part.strip() for part in phrase.split(_SLOT))
        require(bool(left or right), _file(), f"cues: frame {phrase!r} has no words")
        if left and right:
            both.append((left, right))
        elif left:
            befores.append(left)
        else:
            afters.append(right)
    gap = rf"(?:\s+(?:{_lowered(between)}))*"

    def before(lefts: list[str]) -> re.Pattern[str]:
        """Frames ending at the mention, anchored at its start."""
        return re.compile(rf"(?<![\w'])(?:{_lowered(lefts)}){gap}\s+\Z")

    def after(rights: list[str]) -> re.Pattern[str]:
        """Frames starting at the mention, anchored at its end."""
        return re.compile(rf"{_AFTER_MENTION}{gap}[\s,]+(?:{_lowered(rights)})(?![\w'])")

    last = _last_words(befores + [left for left, _ in both])
    last = None if last is None or (ends := _last_words(between)) is None else last | ends
    return _Frames(
        before(befores), after(afters), tuple((before([ls]), after([rs])) for ls, rs in both), last
    )


@cache
def _rules() -> _Rules:
    """Compile forces.yaml (forces, bodies, cues) once."""
    data = read_data_file(_file())
    forces = load_entities().values()
    cues = data.get("cues")
    require(isinstance(cues, dict), _file(), "'cues' must be a mapping")
    require(isinstance(cues.get("figures"), str), _file(), "cues: 'figures' must be a regex")

    def words(key: str) -> tuple[str, ...]:
        """One list of cue phrases."""
        return _strings(cues.get(key), "cues", key)

    try:
        figures = re.compile(_counts(cues["figures"], words("measures"), words("labels")))
    except re.error as error:
        raise DataFileError(
            f"{data_dir() / _file()}: cues: bad 'figures' regex ({error})") from None
    # Names made from each area ("{area} Constabulary"), for the forms writers use that are
    # no force's own: as names, not bare areas.
    made = [(t.replace(_AREA_SLOT, area), f.slug)
            for f in forces for area in f.areas for t in words("area_names")]
    owners = {_key(name): slug for name, slug in made}
    owners.update({_key(t): f.slug for f in forces
                   for t in (f.name, *f.aliases, *f.abbreviations, *f.areas)})
    names = [term for f in forces for term in (f.name, *f.aliases, *f.areas)]
    names += [name for name, slug in made if owners[_key(name)] == slug]
    abbreviations = [term for f in forces for term in f.abbreviations]
    between = words("between")
    return _Rules(
        names=_indexed(names),
        abbreviations=_indexed(abbreviations, case=True),
        area_keys=frozenset(_key(term) for f in forces for term in f.areas),
        owners=owners,
        excludes={f.slug: _indexed(f.exclude) for f in forces if f.exclude},
        bodies=_indexed(_strings(data.get("bodies"), "bodies", "bodies"), plural=True),
        # Searched in lower-cased text: case-blind regexes are slower.
        passing=_any([cue.lower() for cue in words("passing")], case=True),
        about=_any([cue.lower() for cue in words("about")], case=True),
        figures=figures,
        frames=_frames(words("frames"), between),
        venues=_frames(words("venues"), between),
        own_unit=re.compile(
            rf"{_AFTER_MENTION}\s+(?:the\s+)?(?:{_lowered(words('own_units'))})(?![\w'])"
        ),
        joint_unit=re.compile(
            rf"\A(?:\s+(?:{_lowered(words('unit_words'))}))?(?:'s?)?\s+"
            rf"(?:{_lowered(words('joint_units'))})(?![\w'])"
        ),
        unit_before=re.compile(
            rf"(?<![\w'])(?:{_lowered(words('joint_units'))})(?:\s+department)?\s+"
            rf"(?:for|of|at)\s+(?:the\s+)?\Z"
        ),
        area_veto=re.compile(rf"\A(?:'s?)?\s+(?:{_lowered(words('area_vetoes'))})(?![\w'])"),
        home=re.compile(rf"(?<![\w'])(?i:{_cues(words('home_words'))})\s+{_TOWN}"),
        figure_after=re.compile(
            rf"{_FIGURE_PUNCTUATION}(?:(?i:{_cues(words('figure_links'))})\s+)?(?:{figures.pattern})"
        ),
        staff_before=re.compile(
            rf"(?<![\w'])(?:{_lowered(words('area_staff'))})\s+(?:in|from|at)\s+(?:the\s+)?"
            rf"(?:(?:{_lowered(words('area_parts'))})\s+)?{_LISTED_BEFORE}\Z"),
        staff_after=re.compile(
            rf"\A,?\s+(?:a|an|the|some|several|{_COUNTS}|\d+)\s+"
            rf"(?:{_lowered(words('area_staff'))})(?![\w'])"),
        staff_next=re.compile(
            rf"\A(?:-based|\s+based)?\s+(?:police\s+)?(?:{_lowered(words('area_staff'))})"
            r"(?![\w'])"),
        forces_after=re.compile(
            rf"\A(?:(?:,\s*|,?\s+and\s+)[\w'-]+(?:\s+[\w'-]+)?){{0,3}}\s+"
            rf"(?:{_lowered(words('area_entities'))})"
            r"(?![\w'])"),
    )


def count_pattern() -> re.Pattern[str]:
    """A number that can count something: no year, date, length of time, sum or age, as the
    entity file's `figures`, `measures` and `labels` say (status counts with it too)."""
    return _rules().figures


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Tell whether a span shares any character with one of `spans`."""
    return any(start < span[1] and span[0] < end for start, end in spans)


def _mentions(
    text: str, index: WordIndex | None = None
) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """Names and bare area names of forces in one scan, so areas never cost a second one."""
    rules = _rules()
    matches = [m for m in rules.names.finditer(text, index) if m.group()[0].isupper()]
    matches += rules.abbreviations.finditer(text, index)
    if not matches:
        return [], []
    blocked = [m.span() for m in rules.bodies.finditer(text, index)]
    excluded: dict[str, list[tuple[int, int]]] = {}
    kept: list[tuple[str, int, int]] = []
    areas: list[tuple[str, int, int]] = []
    # Longest first: an area is only counted outside every longer name ("Kent" in "Kent
    # Police and Crime Commissioner" is neither).
    for match in sorted(matches, key=lambda m: (m.start() - m.end(), m.start())):
        key = _key(match.group())
        slug = rules.owners[key]
        if key in rules.area_keys:
            if not _overlaps(match.span(), blocked + [(s, e) for _, s, e in kept]):
                areas.append((slug, *match.span()))
            continue
        exclude = rules.excludes.get(slug)
        if exclude is not None and slug not in excluded:
            excluded[slug] = [m.span() for m in exclude.finditer(text, index)]
        vetoes = blocked + excluded.get(slug, [])
        vetoes += [(start, end) for _, start, end in kept]
        if not _overlaps(match.span(), vetoes):
            kept.append((slug, *match.span()))
    return sorted(kept, key=lambda found: found[1]), sorted(areas, key=lambda found: found[1])


def find_entity_mentions(text: str, index: WordIndex | None = None) -> list[tuple[str, int, int]]:
    """Every force named in `text` as (slug, start, end), left to right, longest name wins.

    Names must start with a capital; a match inside a non-force body's name or one of the
    force's own `exclude` phrases does not count. `index`: see _Phrases.finditer."""
    return _mentions(text, index)[0]


def find_area_mentions(text: str, index: WordIndex | None = None) -> list[tuple[str, int, int]]:
    """Bare area names ("Merseyside") as (slug, start, end): candidates for lists of figures."""
    return _mentions(text, index)[1]


def _clause(sentence: str, start: int, end: int) -> str:
    """The mention's clause (it blanked), and the next if it ends its own: where cues apply."""
    head = sentence[:start]
    left = max(map(head.rfind, _BREAK_CHARS)) + 1  # found from the end: no scan of it all
    if "-" in head[left:]:
        left = max([left, *(m.end() for m in _SPACED_DASH.finditer(sentence, left, start))])
    first = _CLAUSE_BREAK.search(sentence, end)
    right = first.start() if first else len(sentence)
    if first and not sentence[end:right].strip(_QUOTES_AND_SPACE):
        second = _CLAUSE_BREAK.search(sentence, first.end())
        right = second.start() if second else len(sentence)
    return sentence[left:start] + " " * (end - start) + sentence[end:right]


def _lower(text: str) -> str:
    """Lower case with one apostrophe, as cues are written (positions may shift)."""
    return text.lower().replace("\u2019", "'")


def _framed(sentence: str, start: int, end: int) -> str:
    """The mention's role from the words around it: "passing", "venue" (of a hearing) or ""."""
    # A force named with its own unit (professional standards) investigates its own people.
    rules = _rules()
    right = _lower(sentence[end : end + _WINDOW])
    if rules.own_unit.match(right):
        return ""
    left = _lower(sentence[max(0, start - _WINDOW) : start])
    if rules.frames.around(left, right):
        return "passing"
    return "venue" if rules.venues.around(left, right) else ""


def _passing_cue(sentence: str, start: int, end: int) -> bool:
    """Tell whether a passing cue is in the mention's clause."""
    return _rules().passing.search(_lower(_clause(sentence, start, end))) is not None


def _mention_kind(sentence: str, start: int, end: int) -> str:
    """Judge one mention: 'framed' (in a passing role: investigating, running an operation),
    'passing' (other mentions in passing), 'about' (officers, words, figures) or 'neutral'."""
    # A hearing's venue is at most neutral: the hearing may be another force's.
    rules = _rules()
    frame = _framed(sentence, start, end)
    if frame == "passing":
        return "framed"
    if _passing_cue(sentence, start, end):
        return "passing"
    blanked = sentence[:start] + " " * (end - start) + sentence[end:]
    if not frame and (rules.about.search(_lower(blanked)) or rules.figures.search(blanked)):
        return "about"
    return "neutral"


def _home(sentence: str, start: int) -> bool:
    """Tell whether an area ends a home town ("of Southend-on-Sea, Essex"): a place, no force."""
    # The place before the comma must be no force's name or area ("in Kent, Essex").
    match = _rules().home.search(sentence, max(0, start - _WINDOW), start)
    return match is not None and _key(match.group(1)) not in _rules().owners


def _area_kind(sentence: str, start: int, end: int) -> str:
    """Judge a bare area: 'area' only in a list of figures, where it stands for its force."""
    # A list: two counts in the sentence, or one right after the area. Never a court, a
    # newspaper or a home, nor an area in passing.
    rules = _rules()
    if rules.area_veto.match(_lower(sentence[end : end + _WINDOW])) or _home(sentence, start):
        return "passing"
    # Its force's people ("officers in the West Midlands"), or its force among others
    # ("Norfolk and Suffolk constabularies"), stand for the force outside a list too.
    before = _lower(sentence[max(0, start - _WINDOW):start])
    after = _lower(sentence[end:end + _WINDOW])
    staffed = rules.staff_before.search(before) or rules.staff_next.match(after) or (
        _IN_BEFORE.search(before) and rules.staff_after.match(after))
    plural = rules.forces_after.match(after)
    listed = rules.figure_after.match(sentence, end) or len(rules.figures.findall(sentence)) > 1
    if not (listed or staffed or plural) or _framed(sentence, start, end) or _passing_cue(
            sentence, start, end):
        return "passing"
    return "area"


def _names_joint_unit(text: str, first: int, last: int) -> bool:
    """Tell whether forces or areas joined from `first` to `last` name a joint unit, which
    follows them ("the Kent and Essex Serious Crime Directorate") or comes before them
    ("professional standards for Kent Police and Essex Police")."""
    rules = _rules()
    return bool(rules.joint_unit.match(_lower(text[last : last + _WINDOW]))
                or rules.unit_before.search(_lower(text[max(0, first - _WINDOW) : first])))


def _joint(text: str, mentions: list[tuple[str, int, int]]) -> set[int]:
    """Starts of mentions inside a joint unit's name: such a unit is no one force's subject."""
    # Two or more forces or areas joined by "and" or commas, with a unit's name beside them.
    inside: set[int] = set()
    group: list[int] = []
    previous_end = -1
    for _slug, start, end in [*mentions, ("", len(text) + 1, len(text) + 1)]:
        if group and _JOINED.fullmatch(text, previous_end, start):
            group.append(start)
        else:
            if len(group) > 1 and _names_joint_unit(text, group[0], previous_end):
                inside.update(group)
            group = [start]
        previous_end = end
    return inside


def extract_entities(title: str, paragraphs: list[str]) -> list[Evidence]:
    """The forces the article is about, most relevant first, with best sentence and doubt."""
    # Doubts: "area-name" (named by area only, in figures), "incidental" (no mention is in the
    # headline or shows the article is about the force), "investigating" (named only in a
    # passing role, and no other force found).
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
    named: set[str] = set()  # forces with a counted mention of their name
    framed: dict[str, Evidence] = {}  # forces named only investigating, reviewing, running
    # One search of the whole article: no name, body or exclude phrase spans two sentences.
    # The cue matchers' text of the article has the same words: its word index serves.
    index = word_index(fold(ArticleText.of(title, paragraphs).text))
    names, areas = _mentions(text, index)
    mentions = sorted(names + areas, key=lambda found: found[1])
    joint = _joint(text, mentions) if len(mentions) > 1 else set()
    area_starts = {start for _, start, _ in areas}
    previous = ("", -1, -1)
    for slug, start, end in mentions:
        same = slug == previous[0] and _BRACKET_OPEN.fullmatch(text, previous[2], start)
        previous = (slug, start, end)
        if same or start in joint:
            continue
        number = bisect_right(starts, start) - 1
        sentence, is_title = sentences[number]
        at, to = start - starts[number], end - starts[number]
        is_area = start in area_starts
        kind = _area_kind(sentence, at, to) if is_area else _mention_kind(sentence, at, to)
        if kind == "framed":
            framed.setdefault(slug, Evidence(slug, sentence, "investigating"))
        if kind in ("passing", "framed"):
            continue
        if not is_area:
            named.add(slug)
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
    found = []
    for slug in chosen:
        doubt = "" if slug in about else "incidental"
        found.append(Evidence(slug, (about.get(slug) or neutral[slug]).sentence,
                              doubt if slug in named else "area-name"))
    # A force's own people are often investigated by it: named only in that role, and no
    # other force found, it may be the subject; an editor decides.
    return found or list(framed.values())


def entities_of(title: str, paragraphs: list[str], publisher: str) -> list[Evidence]:
    """The forces an article is about; a force's own release with no other force named is
    about that force before any force named only as investigating."""
    found = extract_entities(title, paragraphs)
    if found and found[0].doubt != "investigating":
        return found
    return own_entity(publisher) or found


def own_entity(publisher: str) -> list[Evidence]:
    """A force's own news release is about that force when its text names none ("an officer
    of this force"): the force credited as publisher, with no sentence to point to."""
    slug = _slugs_by_name().get(publisher)
    return [Evidence(slug, "", "publisher")] if slug else []


@cache
def _slugs_by_name() -> dict[str, str]:
    """Each force's slug by its official name, as publishers.yaml credits a force."""
    return {force.name: force.slug for force in load_entities().values()}
