"""Give every sentence of an article body a stable id, so each figure can link to it.

Paragraphs are split with breachwatch.sentences.split_sentences, the splitter the ingest and
the extractors use, so sentence N at ingest time is the element with id "sN" on the page.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from pelican import signals
from pelican.contents import Article

from breachwatch.sentences import split_sentences

_PARAGRAPH = re.compile(r"(<p\b[^>]*>)(.*?)(</p>)", re.S)
# A tag, an entity, a run of plain text, or one stray "<" or "&".
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|.", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")
_VOID = {"br", "img", "wbr", "hr", "input"}


def anchor_id(index: int) -> str:
    """The id of sentence `index` (1-based) of an article body."""
    return f"s{index}"


@dataclass
class _Text:
    """A paragraph's visible text with, per character, where it starts and ends in the HTML."""

    text: str
    starts: list[int]
    ends: list[int]


def _visible_text(inner: str) -> _Text:
    """Unescaped text of a paragraph's HTML with offsets back into that HTML."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for token in _TOKEN.finditer(inner):
        piece, begin, end = token.group(), token.start(), token.end()
        if piece.startswith("<") and len(piece) > 1:
            continue
        if piece.startswith("&"):  # every character of an entity maps to the whole entity
            unescaped = html.unescape(piece)
            chars.append(unescaped)
            starts += [begin] * len(unescaped)
            ends += [end] * len(unescaped)
        else:  # plain text: one character per position
            chars.append(piece)
            starts += range(begin, end)
            ends += range(begin + 1, end + 1)
    return _Text("".join(chars), starts, ends)


def _balanced(fragment: str) -> bool:
    """Tell whether wrapping an HTML fragment in a span keeps elements properly nested."""
    stack: list[str] = []
    for match in _TAG_NAME.finditer(fragment):
        closing, name = match.group(1), match.group(2).lower()
        if name in _VOID:
            continue
        if not closing:
            stack.append(name)
        elif not stack or stack.pop() != name:
            return False
    return not stack


def _anchor_plain_text(text: str, first: int) -> tuple[str, list[str], str]:
    """anchor_paragraph for a paragraph without tags or entities: its HTML is its text."""
    sentences = split_sentences(text)
    pieces, done = [], 0
    for number, sentence in enumerate(sentences, start=first):
        start = text.find(sentence, done)
        end = start + len(sentence)
        pieces += [text[done:start], f'<span id="{anchor_id(number)}" class="sentence">',
                   sentence, "</span>"]
        done = end
    pieces.append(text[done:])
    return "".join(pieces), sentences, text


def anchor_paragraph(inner: str, first: int) -> tuple[str, list[str], str]:
    """Wrap each sentence of a paragraph's HTML in a span with ids from `first` on.

    Also returns the sentences and the paragraph's visible text.
    """
    if "<" not in inner and "&" not in inner:
        return _anchor_plain_text(inner, first)
    visible = _visible_text(inner)
    sentences = split_sentences(visible.text)
    inserts: list[tuple[int, str]] = []
    cursor = 0
    for number, sentence in enumerate(sentences, start=first):
        start = visible.text.find(sentence, cursor)
        end = start + len(sentence)
        cursor = end
        opening = f'<span id="{anchor_id(number)}" class="sentence">'
        html_start, html_end = visible.starts[start], visible.ends[end - 1]
        if _balanced(inner[html_start:html_end]):
            inserts += [(html_end, "</span>"), (html_start, opening)]
        else:  # markup crosses the sentence: keep a marker so the link still lands here
            inserts.append((html_start, opening + "</span>"))
    pieces, done = [], 0
    # Built in one pass (inserting into the string was quadratic on a 1 MB paragraph);
    # at one position, later inserts come first, as when inserting from the end.
    for i in sorted(range(len(inserts)), key=lambda i: (inserts[i][0], -i)):
        position, markup = inserts[i]
        pieces += [inner[done:position], markup]
        done = position
    pieces.append(inner[done:])
    return "".join(pieces), sentences, visible.text


def anchor_sentences(content: str) -> tuple[str, list[str], list[str]]:
    """Article HTML with sentence anchors, its sentences, and its paragraphs as plain text."""
    sentences: list[str] = []
    paragraphs: list[str] = []

    def wrap(match: re.Match[str]) -> str:
        inner, found, text = anchor_paragraph(match.group(2), len(sentences) + 1)
        sentences.extend(found)
        paragraphs.append(text)
        return match.group(1) + inner + match.group(3)

    return _PARAGRAPH.sub(wrap, content), sentences, paragraphs


def add_anchors(instance) -> None:
    """Anchor an article's sentences once, when Pelican creates the article."""
    if not isinstance(instance, Article) or getattr(instance, "sentences", None) is not None:
        return
    instance._content, instance.sentences, instance.body_paragraphs = anchor_sentences(
        instance._content
    )


def register() -> None:
    """Pelican plugin entry point."""
    signals.content_object_init.connect(add_anchors)
