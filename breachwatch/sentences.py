"""Split text into sentences the same way everywhere, so anchors and checks agree."""

from __future__ import annotations

import re
from functools import lru_cache

# Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st no nos sgt insp supt det ch cllr prof rev gen col capt lt
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun
    e.g i.e etc vs approx est co ltd inc dept govt
    """.split()
)

# A sentence ends at . ! or ? (optionally followed by closing quotes or brackets),
# then whitespace, then something that can open a sentence. The boundary is group 1; the
# regex starts with the punctuation so the engine skips straight to it.
_BOUNDARY = re.compile(
    r"""[.!?](["'\u201d\u2019)\]]*\s+)(?=["'\u201c\u2018(\[]?[A-Z0-9\u00c0-\u024f])"""
)
_CLOSERS = "\"'\u201d\u2019)]"
_INITIALS = re.compile(r"(?:[a-z]\.)*[a-z]")


def _ends_with_abbreviation(chunk: str) -> bool:
    """Tell whether a candidate sentence really ends in an abbreviation or an initial."""
    stripped = chunk.rstrip(_CLOSERS)
    if not stripped.endswith("."):
        return False
    words = stripped[:-1].rsplit(None, 1)  # only the last word is split off
    last = words[-1] if words else ""
    last = last.lstrip("\"'\u201c\u2018(").lower()
    if last in ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.K.") do not end sentences.
    return _INITIALS.fullmatch(last) is not None


def split_sentences(text: str) -> list[str]:
    """Return the sentences of one paragraph, whitespace-trimmed, none empty."""
    return list(_split(text))


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[str, ...]:
    """The splitting itself, remembered: every extractor asks for the same paragraphs."""
    text = text.strip()
    if not text:
        return ()
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        # The boundary starts after the terminal punctuation and any closers.
        end = match.start(1)
        while end < len(text) and text[end] in _CLOSERS:
            end += 1
        candidate = text[start:end]
        if _ends_with_abbreviation(candidate):
            continue
        sentences.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return tuple(s for s in sentences if s)


def normalise_space(text: str) -> str:
    """Collapse all whitespace runs to single spaces so texts compare by words."""
    # Every whitespace character but the space is unprintable, so a printable text without
    # doubled, leading or trailing spaces is normalised already (the usual case: no copy).
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def body_sentences(paragraphs: list[str]) -> list[str]:
    """An article body's sentences in the order the page numbers them (s1, s2, ...)."""
    return [s for paragraph in paragraphs for s in split_sentences(normalise_space(paragraph))]
