"""Convert ingested articles without running every Markdown processor over plain paragraphs.

Ingest writes each paragraph as one line of escaped text (breachwatch/ingest/escape.py), so
Python-Markdown's block and inline processors find nothing to do in the body, yet they are
most of a build's conversion time. A body made only of such paragraphs is converted here to
the HTML Python-Markdown writes for it; any other body (an editor's own Markdown) goes through
Python-Markdown whole. The metadata header always goes through Python-Markdown.
"""

from __future__ import annotations

import re
from functools import cache
from weakref import WeakKeyDictionary

from markdown import Markdown

# A paragraph that no Markdown block or inline processor changes, but for backslash escapes,
# is one line that does not start like a heading, list or code block and that, once its
# escapes and the entities ingest writes are taken out, holds no character that starts markup
# or that Markdown deletes (\x02, \x03), and no whitespace but spaces.
_BLOCK_START = re.compile(r"\s|[#=+\-]|\d+[.)]")
_ESCAPED = re.compile(r"\\[\\`*_{}\[\]()#+\-.!]|&(?:amp|lt|gt);")
_MARKUP = re.compile(r"[\\`*_{}\[\]!<>&\x02\x03]|[^\S ]")
_ESCAPE = re.compile(r"\\(.)")


def plain_body_html(body: str) -> str | None:
    """The HTML of a body of plain paragraphs, as Python-Markdown writes it; else None."""
    paragraphs = body.rstrip("\n").split("\n\n")
    for paragraph in paragraphs:
        if not paragraph or _BLOCK_START.match(paragraph):
            return None
        if _MARKUP.search(_ESCAPED.sub("", paragraph)):
            return None
    return "\n".join("<p>" + _ESCAPE.sub(r"\1", p) + "</p>" for p in paragraphs)


def _processors(markdown: Markdown) -> tuple:
    """The classes of every processor a Markdown instance runs, in order."""
    registries = (markdown.preprocessors, markdown.parser.blockprocessors,
                  markdown.inlinePatterns, markdown.treeprocessors, markdown.postprocessors)
    return tuple(tuple(type(item) for item in registry) for registry in registries)


@cache
def _core_processors() -> tuple:
    """The processors of core Python-Markdown with the meta extension, which the fast path
    reproduces; any other extension (smart quotes, say) may change plain text."""
    return _processors(Markdown(extensions=["markdown.extensions.meta"]))


# Per Markdown instance, whether it runs only the core processors: extensions are set up
# when an instance is made (Pelican makes its own from the MARKDOWN setting), so once is enough.
_is_core: WeakKeyDictionary[Markdown, bool] = WeakKeyDictionary()


def _runs_only_core(markdown: Markdown) -> bool:
    """Whether the instance runs core Python-Markdown and the meta extension only."""
    if markdown not in _is_core:
        _is_core[markdown] = _processors(markdown) == _core_processors()
    return _is_core[markdown]


def convert(markdown: Markdown, text: str) -> str:
    """HTML of a Markdown file, `markdown.Meta` set, plain paragraphs converted directly."""
    header, blank, body = text.partition("\n\n")
    if header and blank and not body.startswith("\n") and _runs_only_core(markdown):
        html = plain_body_html(body)
        # The header is metadata only when Python-Markdown leaves nothing of it in the HTML.
        if html is not None and markdown.reset().convert(header) == "":
            return html
    return markdown.reset().convert(text)
