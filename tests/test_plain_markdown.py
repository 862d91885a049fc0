"""The plain-paragraph fast path writes exactly what Python-Markdown writes, or stands aside."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown import Markdown

from breachwatch.ingest.escape import escape_markdown
from breachwatch.ingest.write import render_markdown
from breachwatch.sentences import normalise_space
from breachwatch.speed.plain_markdown import convert, plain_body_html

HEADER = "Title: A headline\nForces: kent-police\n\n"
# Characters that mean something to Markdown somewhere, and some that do not.
TRICKY = "\\`*_{}[]()#+-.!<>&;:=|~\"' \t\n\u00a0\u2019\x02\x031aZ"
TEXT = st.text(alphabet=st.sampled_from(list(TRICKY)) | st.characters(), max_size=60)


def markdown(*extensions: str) -> Markdown:
    """A Markdown instance set up as Pelican sets it up."""
    return Markdown(extensions=["markdown.extensions.meta", *extensions], output_format="html5")


def python_markdown(text: str, *extensions: str) -> tuple[str, dict]:
    """What Python-Markdown alone makes of a file: HTML and metadata."""
    md = markdown(*extensions)
    return md.convert(text), md.Meta


def fast(text: str, *extensions: str) -> tuple[str, dict]:
    """What the fast path makes of a file: HTML and metadata."""
    md = markdown(*extensions)
    return convert(md, text), md.Meta


@settings(max_examples=300, deadline=None)
@given(st.lists(TEXT, min_size=1, max_size=4))
def test_escaped_paragraphs_convert_as_python_markdown_converts_them(texts) -> None:
    paragraphs = [p for p in (escape_markdown(normalise_space(t)) for t in texts) if p]
    text = HEADER + "\n\n".join(paragraphs) + "\n"
    assert fast(text) == python_markdown(text)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT)
def test_any_file_converts_as_python_markdown_converts_it(header, body) -> None:
    text = f"Title: {header}\n\n{body}"
    assert fast(text) == python_markdown(text)


def test_ingested_seeds_take_the_fast_path(ingested) -> None:
    for prefix, article in ingested.items():
        text = render_markdown(article.metadata, article.paragraphs)
        assert plain_body_html(text.partition("\n\n")[2]) is not None, prefix
        assert fast(text) == python_markdown(text)


def test_markup_an_editor_wrote_goes_through_python_markdown() -> None:
    for body in ["# Heading", "1. first\n2. second", "Some *emphasis*.", "> quoted",
                 "    code", "Line one\nLine two", "A [link](https://example.org)."]:
        assert plain_body_html(body) is None, body
        text = HEADER + body + "\n"
        assert fast(text) == python_markdown(text)


def test_a_header_that_is_not_all_metadata_goes_through_python_markdown() -> None:
    text = "Title: x\nnot metadata\n\nPlain text.\n"
    assert fast(text) == python_markdown(text)
    assert "not metadata" in fast(text)[0]


def test_extensions_that_change_plain_text_are_honoured() -> None:
    text = HEADER + 'He said "yes" -- twice.\n'
    assert fast(text, "smarty") == python_markdown(text, "smarty")
    assert "&ldquo;" in fast(text, "smarty")[0]
