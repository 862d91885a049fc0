"""Take the headline from the top of the page, the way a reader would."""

from __future__ import annotations

import re

from breachwatch.sentences import split_sentences

# A headline longer than this is really a flattened body; its first sentence is used.
MAX_TITLE_CHARS = 200
FALLBACK_TITLE_CHARS = 120
# A scraped date label glued before the headline ("date 2022-04-05 Officer sacked"): the
# page shows the date apart, so the headline goes without it.
_DATE_LABEL = re.compile(r"\A\s*(?:date|dated|published)\s*:?\s*\d{4}-\d{2}-\d{2}\s+(?=\S)", re.I)


def _shorten(sentence: str) -> str:
    """Cut a long first sentence at a word boundary for use as a title."""
    if len(sentence) <= FALLBACK_TITLE_CHARS:
        return sentence
    cut = sentence[:FALLBACK_TITLE_CHARS].rsplit(" ", 1)[0]
    return f"{cut}\u2026"


def extract_title(paragraphs: list[str]) -> tuple[str, bool]:
    """Return (title, whether the first paragraph *is* the title and leaves the body)."""
    first = paragraphs[0].strip()
    if len(first) <= MAX_TITLE_CHARS:
        return _DATE_LABEL.sub("", first), True
    return _shorten(_DATE_LABEL.sub("", split_sentences(first)[0])), False
