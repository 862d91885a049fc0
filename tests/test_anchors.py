"""Sentence anchors: sentence N of the ingest is the element with id sN on the article page."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from breachwatch.cli import main
from breachwatch.plugins.anchors import anchor_paragraph, anchor_sentences
from breachwatch.sentences import normalise_space, split_sentences

SPAN = re.compile(r'<span id="s(\d+)" class="sentence">(.*?)</span>', re.S)


def test_each_sentence_is_wrapped_and_numbered_from_first() -> None:
    html, sentences, _ = anchor_paragraph(
        "A PC viewed records 14 times. He was dismissed &amp; barred.", first=7)
    assert sentences == ["A PC viewed records 14 times.", "He was dismissed & barred."]
    assert html == ('<span id="s7" class="sentence">A PC viewed records 14 times.</span> '
                    '<span id="s8" class="sentence">He was dismissed &amp; barred.</span>')


def test_entities_and_stray_characters_keep_their_place() -> None:
    html, sentences, text = anchor_paragraph(
        "Tom &amp; Jerry &#8217;met&#8217;. A &lt; B &amp; C &zzz; here. Last &", first=1)
    assert text == "Tom & Jerry \u2019met\u2019. A < B & C &zzz; here. Last &"
    assert sentences == ["Tom & Jerry \u2019met\u2019.", "A < B & C &zzz; here.", "Last &"]
    assert html == ('<span id="s1" class="sentence">Tom &amp; Jerry &#8217;met&#8217;.</span> '
                    '<span id="s2" class="sentence">A &lt; B &amp; C &zzz; here.</span> '
                    '<span id="s3" class="sentence">Last &</span>')


def test_markup_crossing_sentences_keeps_valid_nesting() -> None:
    html, sentences, _ = anchor_paragraph('One <a href="x">two. Three</a> four.', first=1)
    assert len(sentences) == 2
    assert html.count('id="s1"') == 1 and html.count('id="s2"') == 1
    # Never a span closing inside the link it opened outside of.
    assert '<span id="s1" class="sentence"></span>One' in html


def test_ids_run_across_paragraphs() -> None:
    html, sentences, paragraphs = anchor_sentences("<p>One here. Two there.</p>\n<p>Three.</p>")
    assert [int(n) for n, _ in SPAN.findall(html)] == [1, 2, 3]
    assert paragraphs == ["One here. Two there.", "Three."]
    assert sentences == ["One here.", "Two there.", "Three."]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("anchors")
    shutil.copytree(SEEDS, tmp / "seeds")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    assert main(["build", "--seeds", str(tmp / "seeds"), "--content", str(tmp / "content"),
                 "--output", str(tmp / "output"), "--settings",
                 str(ROOT / "pelicanconf.py")]) == 0
    return tmp / "output"


def test_ingest_sentence_indexes_equal_page_anchors(built: Path, ingested) -> None:
    records = json.loads((built / "data" / "articles.json").read_text())
    for record in records:
        article = ingested[record["seed"][:3]]
        expected = [s for p in article.paragraphs for s in split_sentences(p)]
        page = (built / record["url"] / "index.html").read_text(encoding="utf-8")
        anchors = {int(n): normalise_space(unescape(text)) for n, text in SPAN.findall(page)}
        assert sorted(anchors) == list(range(1, len(expected) + 1)), record["seed"]
        for index, sentence in enumerate(expected, start=1):
            assert anchors[index] == normalise_space(sentence)
