"""Each tag's recorded sentence number points at the sentence that justified the tag."""

from __future__ import annotations

import markdown

from breachwatch.ingest.write import render_markdown
from breachwatch.plugins.anchors import anchor_sentences
from breachwatch.plugins.evidence import parse_evidence
from breachwatch.sentences import normalise_space


def test_evidence_ids_land_on_the_source_sentences(ingested) -> None:
    checked = 0
    for article in ingested.values():
        source = render_markdown(article.metadata, article.paragraphs)
        html = markdown.Markdown(extensions=["meta"]).convert(source)
        _, sentences, _ = anchor_sentences(html)
        anchors = parse_evidence(article.metadata["evidence"])
        for field, found in article.evidence.items():
            for item in found:
                anchor = anchors.get(field, {}).get(item.slug)
                if item.sentence in ("", article.metadata["title"]):
                    assert anchor is None
                    continue
                assert anchor is not None, (article.seed.name, field, item.slug)
                page_sentence = sentences[int(anchor[1:]) - 1]
                assert normalise_space(page_sentence) == normalise_space(item.sentence)
                checked += 1
    assert checked >= 20


def test_malformed_references_are_ignored() -> None:
    assert parse_evidence(["breaches:data-loss:s3", "bad", "outcomes:x:7", "a::s1"]) == {
        "breaches": {"data-loss": "s3"}
    }
