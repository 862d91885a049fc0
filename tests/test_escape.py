"""Seed text is not Markdown: what the reader sees is exactly what was written."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from breachwatch.ingest.escape import escape_markdown

CASES = [
    'A special constable wrote "damn n*****s" on Facebook.',
    "# not a heading",
    "1. not a list",
    "- not a bullet",
    "+ not a bullet either",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1)) and ![img](x.png)",
    "a_b_c *x* `code` \\ back {x}",
    "&copy; & AT&T &#65;",
    "> not a quote",
    "***",
    "2015. A year.",
]


def _render(text: str) -> str:
    converter = markdown.Markdown(extensions=["meta"], output_format="html")
    return converter.convert(escape_markdown(text))


@pytest.mark.parametrize("text", CASES)
def test_renders_as_one_paragraph_of_the_same_text(text: str) -> None:
    rendered = _render(text)
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert not re.search(r"<(?!/?p>)", inner), rendered  # no element but the paragraph
    assert html.unescape(inner) == text
