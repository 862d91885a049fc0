"""For any text: every sentence reaches the reader, and nothing in it can run script."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

from conftest import TODAY
from hostile.pages import (
    ROOT,
    feed_dangers,
    html_dangers,
    new_content,
    unreviewed_settings,
    visible_text,
)
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pelican.settings import read_settings

from breachwatch.cli import main
from breachwatch.ingest.article import ingest_seed
from breachwatch.ingest.clean import strip_boilerplate
from breachwatch.ingest.paragraphs import build_paragraphs
from breachwatch.ingest.read import SeedError, normalise_text
from breachwatch.ingest.write import render_markdown
from breachwatch.plugins.anchors import anchor_sentences
from breachwatch.schema import validate
from breachwatch.sentences import normalise_space, split_sentences
from breachwatch.speed.markdown_reader import ReusingMarkdownReader

# Pieces of Markdown, HTML, template and metadata syntax that text must never turn into.
MARKUP = [
    "<script>", "</script>", "<img src=x onerror=alert(1)>", "<iframe src=//e.example>",
    "<svg onload=alert(1)>", "javascript:alert(1)", "[x](javascript:alert(1))", "![i](x)",
    "<a href='javascript:x'>", "<javascript:alert(1)>", "[1]: javascript:x", "&amp;", "&lt;",
    "&#x3C;", "&", "<!--", "-->", "<![CDATA[", "]]>", "# ", "## ", "> ", "1. ", "2) ", "- ",
    "+ ", "* ", "***", "---", "===", "___", "    ", "```", "`", "~~~", "|", "| a | b |",
    "|---|", "**", "__", "_", "*", "\\", "{{ 7*7 }}", "{% raw %}", "{: .x}", "[TOC]", "[^1]",
    "Title: x", "Date: y", "Save_as: ../x.html", "Status: draft", "Ingest_digest: 0", "\n",
    "\n\n", "\r\n", "\r", " ", ". ", "! ", "? ", "\"", "'", "\u201c", "\u201d", "(", ")",
    "[", "]", "<", ">", "=", ":", "\u202e", "\u200b", "\ufeff", "\u2028", "\ufffe", "\x1b[31m",
    "\U0001F46E",
    "\u05e9\u05dc\u05d5\u05dd", "\u00a3", "Mr. ", "U.K. ", "No. 5", "A", "The officer",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(MARKUP),
        st.text(st.characters(exclude_categories=("Cs",)), max_size=12),
        st.from_regex(r"[A-Z][a-z]{1,8}( [a-z]{1,8}){0,6}[.!?]", fullmatch=True),
    ),
    max_size=40,
).map("".join)

MARKDOWN_EXAMPLES = 400
BUILD_EXAMPLES = 8
INGEST_EXAMPLES = 300


def _reader() -> ReusingMarkdownReader:
    """Pelican's Markdown reader as our plugin configures it, with the site's settings."""
    return ReusingMarkdownReader(read_settings(str(ROOT / "pelicanconf.py")))


READER = _reader()


def _body_lines(text: str) -> list[str]:
    """The lines of cleaned input that must reach the page."""
    lines, _ = strip_boilerplate(normalise_text(text))
    return [line for line in lines if line.strip()]


def _render(title: str, paragraphs: list[str], tmp: Path) -> tuple[str, dict]:
    """Write the article as the ingest does and read it back as Pelican does."""
    source = tmp / "article.md"
    source.write_text(render_markdown({"title": title, "date": "2024-01-02"}, paragraphs),
                      encoding="utf-8")
    content, metadata = READER.read(str(source))
    return anchor_sentences(content)[0], metadata


@settings(max_examples=MARKDOWN_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=TEXT, body=TEXT)
def test_every_sentence_is_shown_and_nothing_runs(title: str, body: str, tmp_path: Path) -> None:
    title = normalise_space(normalise_text(title))
    assume(title)
    lines = _body_lines(body)
    paragraphs = build_paragraphs(lines)
    assume(paragraphs)
    rendered, metadata = _render(title, paragraphs, tmp_path)
    text = visible_text(rendered)
    for line in lines:
        for sentence in split_sentences(line):
            assert normalise_space(sentence) in text
    assert html_dangers(rendered) == []
    assert str(metadata["title"]) == title
    assert set(metadata) == {"title", "date", "ingest_digest"}


@settings(max_examples=BUILD_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(title=TEXT, body=TEXT)
def test_real_build_shows_every_sentence_safely(title: str, body: str, tmp_path: Path) -> None:
    title, lines = normalise_space(normalise_text(title)), _body_lines(body)
    assume(title and lines and len(title) <= 200)
    root = tmp_path / "site"
    shutil.rmtree(root, ignore_errors=True)
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "seed.txt").write_text(f"{title}\n\n{body}", encoding="utf-8")
    status = main(["build", "--seeds", str(root / "seeds"),
                   "--content", str(new_content(root / "content")),
                   "--output", str(root / "output"),
                   "--settings", str(unreviewed_settings(root))])  # held articles too
    assert status in {0, 1}
    records = json.loads((root / "output" / "data" / "articles.json").read_text())
    assume(records)  # an input that is all boilerplate fails loudly instead
    page = (root / "output" / records[0]["url"] / "index.html").read_text(encoding="utf-8")
    text = visible_text(page)
    for line in lines:
        for sentence in split_sentences(line):
            assert normalise_space(sentence) in text
    assert html_dangers(page) == []
    feed = (root / "output" / "feeds" / "all.atom.xml").read_bytes()
    ElementTree.fromstring(feed)  # well-formed, or readers drop the whole feed
    assert feed_dangers(feed.decode("utf-8")) == []


@settings(max_examples=INGEST_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=600), TEXT.map(lambda text: text.encode("utf-8")),
                      TEXT.map(lambda text: text.encode("utf-16")),
                      TEXT.map(lambda text: text.encode("cp1252", errors="replace"))))
def test_ingest_gives_an_article_or_a_seed_error_never_a_crash(data: bytes, tmp_path: Path):
    seed = tmp_path / "seed.txt"
    seed.write_bytes(data)
    try:
        article = ingest_seed(seed, TODAY)
    except SeedError as error:
        assert str(error).startswith(f"{seed}: ") and "\n" not in str(error)
        return
    validate(article.metadata, str(seed))
    assert article.paragraphs and article.metadata["title"].strip()
