"""Rebuild paragraphs from scraped lines, including bodies flattened onto one line."""

from __future__ import annotations

from breachwatch.sentences import split_sentences

_OPENING_QUOTES = ('"', "\u201c")
_CLOSING_QUOTES = ('"', "\u201d")
_TERMINAL = ".!?:;\"'\u201d\u2019)"
# A line this long holding this many sentences was flattened by the scraper.
FLATTENED_MIN_CHARS = 500
FLATTENED_MIN_SENTENCES = 5


def _is_wrapped_continuation(previous: str, line: str) -> bool:
    """Tell whether `line` continues a hard-wrapped `previous` line mid-sentence."""
    head = line.lstrip()
    return (
        bool(previous.strip())
        and not previous.rstrip().endswith(tuple(_TERMINAL))
        and head[:1].islower()
    )


def _opens_quote(sentence: str) -> bool:
    """A sentence that starts with an opening quote starts a new quoted paragraph."""
    return sentence.startswith(_OPENING_QUOTES) and len(sentence) > 1 and sentence[1].isalnum()


def _introduces_quote(sentence: str) -> bool:
    """A sentence like 'A spokesman said: "..."' opens a new quoted paragraph."""
    return any(f": {mark}" in sentence for mark in _OPENING_QUOTES)


def _closes_quote(sentence: str) -> bool:
    """A sentence ending in a closing quote ends a quoted paragraph."""
    return sentence.endswith(_CLOSING_QUOTES) and sentence[-2:-1] in {".", "!", "?", ","}


def split_flattened(line: str) -> list[str]:
    """Break a flattened body line at quotation boundaries, the clear cue news copy gives."""
    sentences = split_sentences(line)
    if len(line) < FLATTENED_MIN_CHARS or len(sentences) < FLATTENED_MIN_SENTENCES:
        return [line.strip()]
    paragraphs: list[list[str]] = [[sentences[0]]]
    for previous, sentence in zip(sentences, sentences[1:], strict=False):
        if _opens_quote(sentence) or _introduces_quote(sentence) or _closes_quote(previous):
            paragraphs.append([sentence])
        else:
            paragraphs[-1].append(sentence)
    return [" ".join(group) for group in paragraphs]


def build_paragraphs(lines: list[str]) -> list[str]:
    """Turn cleaned lines into paragraphs: blank lines and line ends separate them."""
    paragraphs: list[str] = []
    previous = ""
    for line in lines:
        if not line.strip():
            previous = ""
            continue
        if paragraphs and _is_wrapped_continuation(previous, line):
            paragraphs[-1] = f"{paragraphs[-1]} {line.strip()}"
        else:
            paragraphs.append(line.strip())
        previous = line
    result: list[str] = []
    for paragraph in paragraphs:
        result.extend(split_flattened(paragraph))
    return result
