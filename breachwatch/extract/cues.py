"""The small phrase language editors use for cues in the taxonomy data files.

A cue is a phrase matched as whole words in any case:
  - `word*` matches any ending ("leak*" = leak, leaked, leaking, leaks);
  - `(a|b c)` matches one of the alternatives ("(personal|private) phone");
  - `..` matches a gap of up to GAP_WORDS words ("pass* .. information .. to").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from breachwatch.datafiles import require
from breachwatch.extract.evidence import Evidence
from breachwatch.sentences import split_sentences

GAP_WORDS = 6
_GAP = rf"(?:[\W_]+[\w'\u2019-]+){{0,{GAP_WORDS}}}?[\W_]+"
_SEPARATOR = r"[\s\-\u2013\u2014/]+"
_WORDS_BEFORE = re.compile(r"[\w'\u2019-]+")


def _word(word: str) -> str:
    """Regex for one word of a cue: either apostrophe, "&" for "and", * for any ending."""
    stem = word.endswith("*")
    text = word.rstrip("*")
    if text.lower() == "and":
        body = "(?:and|&)"
    else:
        body = re.escape(text).replace("'", "['\u2019]")
    return body + (r"[\w'\u2019-]*" if stem else "")


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


def compile_cues(phrases: Iterable[str], data_file: str, where: str) -> re.Pattern[str]:
    """One case-insensitive pattern for a list of cues; errors name the file and entry."""
    phrases = list(phrases)
    for phrase in phrases:
        require(
            isinstance(phrase, str) and phrase.strip() not in {"", ".."},
            data_file,
            f"{where}: every cue must be a non-empty phrase, got {phrase!r}",
        )
    alternatives = sorted((cue_regex(p) for p in phrases), key=len, reverse=True)
    source = "|".join(alternatives) or r"(?!)"
    try:
        return re.compile(rf"(?<![\w'\u2019])(?:{source})(?![\w'\u2019])", re.IGNORECASE)
    except re.error as error:
        require(False, data_file, f"{where}: a cue is not a valid phrase ({error})")
        raise  # unreachable: require raised


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
    """The last `count` words before `position` in a sentence, for hedge and negation checks."""
    words = _WORDS_BEFORE.findall(sentence[:position])
    return " ".join(words[-count:])


def article_sentences(title: str, paragraphs: list[str]) -> list[str]:
    """The headline followed by every sentence of the body, in reading order."""
    return [title, *(s for paragraph in paragraphs for s in split_sentences(paragraph))]


@dataclass(frozen=True)
class Match:
    """One cue found in a sentence: which term, where, and the sentence."""

    slug: str
    start: int
    end: int
    sentence: str

    def evidence(self) -> Evidence:
        """The reader-checkable form: the term and its source sentence."""
        return Evidence(self.slug, self.sentence)


def longest_matches(sentence: str, patterns: dict[str, re.Pattern[str]]) -> list[Match]:
    """Every term's cue matches in a sentence; where two overlap, the longer one wins."""
    found = [
        Match(slug, m.start(), m.end(), sentence)
        for slug, pattern in patterns.items()
        for m in pattern.finditer(sentence)
    ]
    kept: list[Match] = []
    for match in sorted(found, key=lambda m: (m.start - m.end, m.start)):
        if not any(match.start < k.end and k.start < match.end for k in kept):
            kept.append(match)
    return sorted(kept, key=lambda m: m.start)
