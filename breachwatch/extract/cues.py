"""The small phrase language editors use for cues in the taxonomy data files.

A cue is a phrase matched as whole words in any case:
  - `word*` matches any ending ("leak*" = leak, leaked, leaking, leaks);
  - `(a|b c)` matches one of the alternatives ("(personal|private) phone");
  - `..` matches a gap of up to GAP_WORDS words ("pass* .. information .. to").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from breachwatch.datafiles import require
from breachwatch.extract.evidence import Evidence
from breachwatch.sentences import normalise_space, split_sentences

GAP_WORDS = 6
# Gaps and separators never cross a line break: an article's sentences are matched as one
# text joined by line breaks, so no cue spans two sentences.
_GAP = rf"(?:[^\w\n]+[\w'-]+){{0,{GAP_WORDS}}}?[^\w\n]+"
_SEPARATOR = r"[ \t\-\u2013\u2014/]+"
# A word as cues count them: letters, digits, apostrophes and hyphens.
WORD = re.compile(r"[\w'\u2019-]+")
# Brackets in a cue: balanced, one level deep.
_GROUPS = re.compile(r"[^()]*(?:\([^()]*\)[^()]*)*")


def _word(word: str) -> str:
    """Regex for one word of a folded cue: "&" for "and", * for any ending."""
    stem = word.endswith("*")
    text = word.rstrip("*")
    if text.lower() == "and":
        body = "(?:and|&)"
    else:
        body = re.escape(text)
    return body + (r"[\w'-]*" if stem else "")


def _tokens(phrase: str) -> list[str]:
    """Split a cue into words and (alternative) groups, keeping groups whole."""
    return re.findall(r"\([^()]*\)\??|\S+", phrase)


def _token_regex(token: str) -> str:
    """Regex for one word or (alternative|group) of a cue."""
    if not token.startswith("("):
        return _word(token)
    options = [
        _SEPARATOR.join(_word(w) for w in option.split())
        for option in token.rstrip("?")[1:-1].split("|")
    ]
    return "(?:" + "|".join(options) + ")"


def cue_regex(phrase: str) -> str:
    """Regex source for one cue phrase; a group followed by ? may be absent."""
    parts: list[str] = []
    joined = False  # whether the next word needs a separator before it
    for token in _tokens(phrase.strip()):
        if token == "..":
            parts.append(_GAP)
            joined = False
            continue
        body = _token_regex(token)
        if token.endswith(")?"):
            parts.append(f"(?:{_SEPARATOR}{body})?" if joined else f"(?:{body}{_SEPARATOR})?")
            continue
        parts.append((_SEPARATOR if joined else "") + body)
        joined = True
    return "".join(parts)


# Cues are matched case-sensitively against a lower-cased copy of the text (same length, so
# positions agree): literal prefixes then let the regex engine skip ahead quickly. The copy has
# only the straight apostrophe, so cue regexes name only that one (and compile faster).
_FOLD = str.maketrans(
    {**{chr(code): chr(code + 32) for code in range(ord("A"), ord("Z") + 1)}, "\u2019": "'"}
)
_EDGE_BEFORE = r"(?<![\w'])"
_EDGE_AFTER = r"(?![\w'])"


# Characters besides A-Z that str.lower() changes (all beyond the BMP too, to keep the class
# a fast bitmap): a text without them is folded by lower(), ten times faster than translate.


def _changed_by_lower() -> str:
    """The characters from U+0080 to U+FFFF that str.lower() changes."""
    found = []
    for start in range(0x80, 0x10000, 0x80):
        block = "".join(map(chr, range(start, start + 0x80)))
        if block.lower() != block:  # most blocks hold no upper-case letter: skip them whole
            found += [c for c in block if c.lower() != c]
    return "".join(found)


_LOWER_CHANGES = re.compile("[" + re.escape(_changed_by_lower()) + "\U00010000-\U0010ffff]")


@lru_cache(maxsize=64)
def fold(text: str) -> str:
    """ASCII lower case and one apostrophe, keeping every character's position."""
    if _LOWER_CHANGES.search(text):
        return text.translate(_FOLD)
    return text.lower().replace("\u2019", "'")


# Characters that match an ASCII letter ignoring case but are not one (dotted and dotless i,
# long s, Kelvin sign): a case-blind regex finds in a text holding one what it cannot find
# in the folded text.
_UNFOLDABLE = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=8)
def unfoldable(text: str) -> bool:
    """Tell whether a text holds a letter the folded text would not match ignoring case."""
    return _UNFOLDABLE.search(text) is not None


@dataclass(frozen=True)
class CueMatch:
    """Where a cue matched, with the original (unfolded) text it covers."""

    text: str
    begin: int
    finish: int

    def start(self) -> int:
        """Like re.Match.start."""
        return self.begin

    def end(self) -> int:
        """Like re.Match.end."""
        return self.finish

    def span(self) -> tuple[int, int]:
        """Like re.Match.span."""
        return self.begin, self.finish

    def group(self) -> str:
        """The matched text as written in the article."""
        return self.text[self.begin : self.finish]


def _expand_leading_group(phrase: str) -> list[str]:
    """One phrase per option of a leading (group), so every phrase starts with a literal."""
    tokens = _tokens(phrase.strip())
    first, rest = tokens[0], tokens[1:]
    if not first.startswith("("):
        return [" ".join(tokens)]
    options = [" ".join([option, *rest]) for option in first.rstrip("?")[1:-1].split("|")]
    if first.endswith(")?") and rest:
        options.append(" ".join(rest))
    return [o for option in options for o in _expand_leading_group(option)]


# A word as the word index keys it: a run of word characters.
_RUN = re.compile(r"\w+")
# Up to this many occurrences of a cue's first literal, the cue is tried where they start a
# word; beyond, one regex scan of the text finds the same matches faster.
PLACES_LIMIT = 16


class WordIndex:
    """The words of a folded text, so a cue whose words are absent is skipped without a scan."""

    def __init__(self, folded: str) -> None:
        # Most tokens between spaces are one run of word characters already (str.isalnum is
        # what \w tests, bar "_"); only the others are split by the regex, which is slower.
        tokens = set(folded.split())
        words = set(filter(str.isalnum, tokens))
        words.update(_RUN.findall(" ".join(tokens - words)))
        self.words = frozenset(words)
        self.ordered = sorted(self.words)
        self.folded = folded
        self._places: dict[str, list[int] | None] = {}

    def has_prefix(self, prefix: str) -> bool:
        """Tell whether some word of the text begins with `prefix`."""
        at = bisect_left(self.ordered, prefix)
        return at < len(self.ordered) and self.ordered[at].startswith(prefix)

    def places(self, literal: str) -> list[int] | None:
        """Every position where `literal` occurs with no word character or apostrophe just
        before it (where a cue starting with it can match), or None past PLACES_LIMIT
        occurrences (one scan of the text is then cheaper than trying each); found once per
        text, as cues starting with the same literal all ask."""
        if literal not in self._places:
            found: list[int] | None = []
            text, seen = self.folded, 0
            at = text.find(literal)
            while at >= 0:
                seen += 1
                if seen > PLACES_LIMIT:
                    found = None
                    break
                if at == 0 or not _word_char(text[at - 1]):
                    found.append(at)
                at = text.find(literal, at + 1)
            self._places[literal] = found
        return self._places[literal]


def _word_char(char: str) -> bool:
    """Tell whether a character is one the regex [\\w'] matches (\\w is alphanumeric or _)."""
    return char.isalnum() or char in "_'"


@lru_cache(maxsize=64)
def word_index(folded: str) -> WordIndex:
    """The word index of a folded text; cached because every cue set asks for the same one."""
    return WordIndex(folded)


@dataclass(frozen=True)
class _Literal:
    """A literal word of a cue, as the word index can look it up.

    In a match every literal starts a word (cues start at a word edge; separators and gaps
    end in non-word characters). If the literal goes on after its leading run of word
    characters ("e-mail", "officer's") or is a whole word, that run is a whole word of the
    text; a stem ("leak*") only starts one. A literal starting with anything else is looked
    for as a plain substring.
    """

    text: str
    word: str | None
    prefix: bool

    @classmethod
    def of(cls, token: str) -> _Literal:
        """The literal of a folded cue token (a word, maybe ending in *)."""
        text = token.rstrip("*")
        run = _RUN.match(text)
        word = run.group() if run else None
        return cls(text, word, token.endswith("*") and word == text)

    def occurs(self, folded: str, index: WordIndex) -> bool:
        """Tell whether the text holds this literal where a match could use it."""
        if self.word is None:
            return self.text in folded
        return index.has_prefix(self.word) if self.prefix else self.word in index.words


def _needles(phrase: str) -> tuple[_Literal, ...]:
    """Literal words the folded text must contain for the phrase to match anywhere."""
    return tuple(
        _Literal.of(fold(token))
        for token in _tokens(phrase)
        if token != ".." and not token.startswith("(") and token.rstrip("*").lower() != "and"
    )


@dataclass(frozen=True)
class _Alternative:
    """One expanded cue: the literals it needs, the literal it starts with, its regex.

    `source` is the plain regex; `scan_source` finds the same matches but starts with the first
    literal where it can, so the regex engine skips straight to where that literal occurs.
    `origin` is the data file and the cue, for an error.
    """

    needles: tuple[_Literal, ...]
    first: _Literal | None
    source: str
    scan_source: str
    origin: tuple[str, str]
    # The needles by how the word index checks them: whole words (all at once), word
    # beginnings, and text that does not start with a word character.
    words: frozenset[str] = field(init=False)
    prefixes: tuple[str, ...] = field(init=False)
    texts: tuple[str, ...] = field(init=False)
    # The literal text every match starts with, when `scan_source` begins with it: the cue
    # can then only match where that text occurs.
    anchor: str | None = field(init=False)

    def __post_init__(self) -> None:
        """Sort the needles by how they are checked; note the literal matches start with."""
        whole = [n.word for n in self.needles if n.word is not None and not n.prefix]
        object.__setattr__(self, "words", frozenset(whole))
        object.__setattr__(self, "prefixes", tuple(n.text for n in self.needles if n.prefix))
        object.__setattr__(self, "texts", tuple(n.text for n in self.needles if n.word is None))
        text = self.first.text if self.first is not None else ""
        literal = re.escape(text)
        anchored = bool(text) and self.scan_source.startswith(f"{literal}(?<![\\w']{literal})")
        object.__setattr__(self, "anchor", text if anchored else None)

    @cached_property
    def scan(self) -> re.Pattern[str]:
        """The regex, compiled when first needed: most cues are never scanned for (their words
        are absent), and a rebuild that ingests one article compiles a few of hundreds."""
        try:
            return re.compile(self.scan_source)
        except re.error as error:
            data_file, cue = self.origin
            require(False, data_file, f"{cue} is not valid ({error})")
            raise  # unreachable: require raised

    def spans(self, folded: str, index: WordIndex, pos: int) -> list[tuple[int, int]]:
        """Where this cue matches in folded text, if the text holds all its literal words."""
        if not (
            self.words <= index.words
            and (not self.prefixes or all(map(index.has_prefix, self.prefixes)))
            and (not self.texts or all(text in folded for text in self.texts))
        ):
            return []
        anchored = self.anchor is not None and index.folded == folded  # its own text's index
        places = index.places(self.anchor) if anchored else None
        if places is None:
            return [m.span() for m in self.scan.finditer(folded, pos)]
        # What finditer would find: the leftmost match from `pos`, then from its end on.
        found = []
        match, end = self.scan.match, pos
        for at in places:
            if at >= end:
                hit = match(folded, at)
                if hit is not None:
                    found.append(hit.span())
                    end = hit.end()
        return found


def _literal_first(source: str, first: str) -> str:
    """The cue regex starting with its first literal, the word edge checked behind it: faster."""
    body = _word(first.rstrip("*"))
    if not source.startswith(body) or not _RUN.match(first):
        return _EDGE_BEFORE + source
    return f"{body}(?<![\\w']{body}){source[len(body):]}"


def first_letter_alternation(regexes: list[str], case: bool) -> str:
    """The regexes as one alternation grouped by first letter: the same first match, faster.

    Alternatives starting with different letters or digits (in any case, when case is
    ignored) never match at the same place, so the grouping keeps which one matches first.
    """
    if not all(regex[:1].isascii() and regex[:1].isalnum() for regex in regexes):
        return "|".join(regexes)
    groups: dict[str, list[str]] = {}
    for regex in regexes:
        groups.setdefault(regex[0] if case else regex[0].lower(), []).append(regex[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


# Up to this length a text is searched with one combined regex (hedge and negation checks on
# a few words); longer texts go through the word index, which is faster on articles.
SHORT_TEXT = 200


class CueSet:
    """A list of cues, searched like one regex: leftmost matches first, longest at a tie."""

    def __init__(self, alternatives: list[_Alternative]) -> None:
        by_first: dict[_Literal | None, list[_Alternative]] = {}
        for alternative in alternatives:
            by_first.setdefault(alternative.first, []).append(alternative)
        # Cues starting with a whole word, by that word: one set intersection finds those the
        # text may hold. The rest (stems, odd first characters) are checked one by one.
        self.by_word: dict[str, list[_Alternative]] = {}
        self.by_first: list[tuple[_Literal | None, list[_Alternative]]] = []
        for first, group in by_first.items():
            if first is not None and first.word is not None and not first.prefix:
                self.by_word.setdefault(first.word, []).extend(group)
            else:
                self.by_first.append((first, group))
        self.first_words = frozenset(self.by_word)
        # Longest cue first; each as its literal-first regex, which matches the same.
        scans = {a.source: a.scan_source for a in alternatives}
        self.sources = [scans[source] for source in sorted(scans, key=len, reverse=True)]

    @cached_property
    def combined(self) -> re.Pattern[str]:
        """All cues as one regex, compiled when first needed: few sets search short texts."""
        return re.compile(first_letter_alternation(self.sources, case=True) or r"(?!)")

    def finditer(self, text: str, pos: int = 0) -> list[CueMatch]:
        """Non-overlapping matches from `pos` on, in text order."""
        folded = fold(text)
        index = word_index(folded)
        groups = _candidates(self, folded, index)
        found = [
            span
            for alternatives in groups
            for alternative in alternatives
            for span in alternative.spans(folded, index, pos)
        ]
        return _non_overlapping(text, found)

    def search(self, text: str, pos: int = 0) -> CueMatch | None:
        """The leftmost match, or None (on long texts, the longest at that position)."""
        if len(text) <= SHORT_TEXT:
            match = self.combined.search(fold(text), pos)
            return CueMatch(text, match.start(), match.end()) if match else None
        matches = self.finditer(text, pos)
        return matches[0] if matches else None


def _candidates(cues: CueSet | CueTable, folded: str, index: WordIndex) -> list[list]:
    """The groups of cues that can match: those whose first word the text holds."""
    groups = [cues.by_word[word] for word in cues.first_words & index.words]
    groups += [
        alternatives
        for first, alternatives in cues.by_first
        if first is None or first.occurs(folded, index)
    ]
    return groups


def _non_overlapping(text: str, spans: list[tuple[int, int]]) -> list[CueMatch]:
    """The spans as matches in text order, leftmost first and longest at a tie."""
    kept: list[CueMatch] = []
    last_end = -1
    for begin, finish in sorted(spans, key=lambda span: (span[0], -span[1])):
        if begin >= last_end:
            kept.append(CueMatch(text, begin, finish))
            last_end = finish
    return kept


class CueTable:
    """Named cue sets searched together, their first words looked up once per text."""

    def __init__(self, sets: dict[str, CueSet]) -> None:
        self.names = list(sets)
        self.by_word: dict[str, list[tuple[str, _Alternative]]] = {}
        by_first: dict[_Literal | None, list[tuple[str, _Alternative]]] = {}
        for name, cue_set in sets.items():
            for word, alternatives in cue_set.by_word.items():
                self.by_word.setdefault(word, []).extend((name, a) for a in alternatives)
            for first, alternatives in cue_set.by_first:
                by_first.setdefault(first, []).extend((name, a) for a in alternatives)
        self.by_first = list(by_first.items())
        self.first_words = frozenset(self.by_word)

    def finditer(self, text: str, pos: int = 0) -> dict[str, list[CueMatch]]:
        """Each set's matches from `pos` on, as its finditer gives them; in the sets' order,
        leaving out sets without any."""
        folded = fold(text)
        index = word_index(folded)
        groups = _candidates(self, folded, index)
        spans: dict[str, list[tuple[int, int]]] = {}
        for alternatives in groups:
            for name, alternative in alternatives:
                found = alternative.spans(folded, index, pos)
                if found:
                    spans.setdefault(name, []).extend(found)
        return {name: _non_overlapping(text, spans[name]) for name in self.names if name in spans}


def compile_cues(phrases: Iterable[str], data_file: str, where: str) -> CueSet:
    """All cues of a list as one searchable set; errors name the file and entry."""
    phrases = list(phrases)
    for phrase in phrases:
        require(
            isinstance(phrase, str) and phrase.strip() not in {"", ".."},
            data_file,
            f"{where}: every cue must be a non-empty phrase, got {phrase!r}",
        )
        require(
            _GROUPS.fullmatch(phrase) is not None,
            data_file,
            f"{where}: cue {phrase!r} has unbalanced or nested brackets",
        )
    alternatives = []
    for phrase in phrases:
        for expanded in _expand_leading_group(fold(phrase)):
            first = _tokens(expanded)[0]
            literal = None if first.startswith("(") or first == "and" else _Literal.of(first)
            source = cue_regex(expanded)
            plain = _EDGE_BEFORE + source + _EDGE_AFTER
            scan = plain if literal is None else _literal_first(source, first) + _EDGE_AFTER
            needles = tuple(n for n in _needles(expanded) if n.text != (literal and literal.text))
            alternatives.append(_Alternative(needles, literal, plain, scan,
                                             (data_file, f"{where}: cue {phrase!r}")))
    return CueSet(alternatives)


def cue_list(entry: dict, key: str, data_file: str, where: str) -> list[str]:
    """An optional list-of-phrases field of a data-file entry, checked."""
    value = entry.get(key) or []
    require(
        isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value),
        data_file,
        f"{where}: '{key}' must be a list of phrases",
    )
    return value


def words_before(sentence: str, position: int, count: int) -> str:
    """The last `count` words before `position` in a sentence, for hedge and negation checks.

    Only the stretch just before `position` is split, widened until it holds more than `count`
    words (the first may be cut short) or reaches the start of the sentence."""
    width = 16 * count
    while True:
        start = max(0, position - width)
        words = WORD.findall(sentence, start, position)
        if start == 0 or len(words) > count:
            return " ".join(words[-count:])
        width *= 4


def article_sentences(title: str, paragraphs: list[str]) -> list[str]:
    """The headline followed by every sentence of the body, in reading order."""
    return [title, *(s for paragraph in paragraphs for s in split_sentences(paragraph))]


@dataclass(frozen=True)
class ArticleText:
    """An article's sentences joined by line breaks, so each cue is searched once per text."""

    text: str
    sentences: list[str]
    starts: list[int]
    # Each cue table's matches, found once: several extractors read the outcomes.
    found: dict[int, list[Match]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, title: str, paragraphs: list[str]) -> ArticleText:
        """Index the headline and body sentences of one article (once for all extractors)."""
        return _article_text(title, tuple(paragraphs))

    def locate(self, position: int) -> tuple[str, int]:
        """The sentence holding a text position, and the position within that sentence."""
        index = self.index_of(position)
        return self.sentences[index], position - self.starts[index]

    def index_of(self, position: int) -> int:
        """The number (0 = headline) of the sentence holding a text position."""
        return bisect_right(self.starts, position) - 1


@lru_cache(maxsize=8)
def _article_text(title: str, paragraphs: tuple[str, ...]) -> ArticleText:
    """Split and join an article's sentences; cached because every extractor asks."""
    sentences = [normalise_space(s) for s in article_sentences(title, list(paragraphs))]
    starts, position = [], 0
    for sentence in sentences:
        starts.append(position)
        position += len(sentence) + 1
    return ArticleText("\n".join(sentences), sentences, starts)


@dataclass(frozen=True)
class Match:
    """One cue found in an article: which term, where in the text, and its sentence."""

    slug: str
    start: int
    end: int
    sentence: str
    offset: int  # where the match starts within its sentence

    def evidence(self) -> Evidence:
        """The reader-checkable form: the term and its source sentence."""
        return Evidence(self.slug, self.sentence)


def find_all(article: ArticleText, patterns: CueTable) -> list[Match]:
    """Every cue match of every term in an article, in text order (searched once per table)."""
    key = id(patterns)  # tables are compiled once per process and never freed
    if key not in article.found:
        found = []
        for slug, matches in patterns.finditer(article.text).items():
            for m in matches:
                sentence, offset = article.locate(m.start())
                found.append(Match(slug, m.start(), m.end(), sentence, offset))
        article.found[key] = sorted(found, key=lambda m: (m.start, m.slug))
    return article.found[key]


def longest_matches(article: ArticleText, patterns: CueTable) -> list[Match]:
    """Every term's cue matches; where two overlap, the longer one wins."""
    kept: list[Match] = []
    for match in sorted(find_all(article, patterns), key=lambda m: (m.start - m.end, m.start)):
        if not any(match.start < k.end and k.start < match.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
