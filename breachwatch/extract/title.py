"""Take the headline from the top of the page, the way a reader would."""

from __future__ import annotations

import re
from typing import NamedTuple

from breachwatch.extract.dates import PATTERNS
from breachwatch.sentences import split_sentences

# A headline longer than this is really a flattened body; its first sentence is used.
MAX_TITLE_CHARS = 200
FALLBACK_TITLE_CHARS = 120
# A scraped date label glued before the headline ("date 2022-04-05 Officer sacked"): the
# page shows the date apart, so the headline goes without it.
_DATE_LABEL = re.compile(r"\A\s*(?:date|dated|published)\s*:?\s*\d{4}-\d{2}-\d{2}\s+(?=\S)", re.I)
# Paragraphs above the headline that may be only a date line ("Page last updated at 17:19
# GMT, Monday, 15 September 2008") or a section's name ("Latest Stories"); a reader's eye
# skips them.
MAX_DATE_LINES_ABOVE = 2
MAX_DATE_LINE_CHARS = 120
# A section's name above the headline has at most this many words, and the headline after
# it at least MIN_HEADLINE_WORDS; a labelled field ("Date published: ...", "Name of Officer:")
# after it is no headline.
MAX_LABEL_WORDS = 2
MIN_HEADLINE_WORDS = 4
_FIELD = re.compile(r"\A\W*[\w ]{1,30}:\s")
_SENTENCE_END = (".", "!", "?")
_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{3,}")
# Words of a date line that are no headline ("Published", "last updated at ... GMT").
_DATE_LINE_WORDS = frozenset({
    "page", "last", "updated", "published", "posted", "first", "date", "dated", "gmt", "bst",
    "utc", "and",
})


class Headline(NamedTuple):
    """The headline, the paragraph it came from as written, and the body without it."""

    title: str
    heading: str
    body: list[str]


def _shorten(sentence: str) -> str:
    """Cut a long first sentence at a word boundary for use as a title."""
    if len(sentence) <= FALLBACK_TITLE_CHARS:
        return sentence
    cut = sentence[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def is_date_line(paragraph: str) -> bool:
    """Tell whether a paragraph holds only a date (and times, labels, punctuation)."""
    if len(paragraph) > MAX_DATE_LINE_CHARS or not _DIGIT.search(paragraph):
        return False  # every date pattern needs a day or a year in digits
    rest = _TIME.sub(" ", paragraph)
    found = False
    for _kind, pattern, _need in PATTERNS:
        rest, count = pattern.subn(" ", rest)
        found = found or count > 0
    words = {word.lower() for word in _WORD.findall(rest)}
    return found and words <= _DATE_LINE_WORDS


def is_section_label(paragraph: str, following: str) -> bool:
    """Tell whether a paragraph of a word or two ("Government", "Latest Stories") is a
    section's name above the headline: a longer headline follows, not a labelled field nor a
    sentence (a short headline may stand above the first sentence)."""
    words = _DATE_LABEL.sub("", paragraph).split()
    return (len(words) <= MAX_LABEL_WORDS and not paragraph.rstrip().endswith(_SENTENCE_END)
            and len(following.split()) >= MIN_HEADLINE_WORDS and not _FIELD.match(following)
            and not following.rstrip().endswith(_SENTENCE_END))


def _above_headline(paragraphs: list[str], number: int) -> bool:
    """Tell whether a paragraph near the top is a date line or a section label."""
    paragraph = paragraphs[number]
    following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
    return is_date_line(paragraph) or is_section_label(paragraph, following)


def extract_title(paragraphs: list[str]) -> Headline:
    """The headline: the first paragraph that is not only a date line or a section label, or
    the first sentence of a long one (which then stays in the body); every other paragraph,
    those skipped above it too, is the body."""
    index = next((number for number in range(min(MAX_DATE_LINES_ABOVE, len(paragraphs)))
                  if not _above_headline(paragraphs, number)), 0)
    first = paragraphs[index].strip()
    if len(first) > MAX_TITLE_CHARS:
        sentence = split_sentences(first)[0]
        return Headline(_shorten(_DATE_LABEL.sub("", sentence)), sentence, paragraphs)
    return Headline(_DATE_LABEL.sub("", first), first,
                    paragraphs[:index] + paragraphs[index + 1:])
