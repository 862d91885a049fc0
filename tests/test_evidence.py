"""Each tag's recorded sentence number points at the sentence that justified the tag."""

from __future__ import annotations

import markdown

from breachwatch.extract.evidence import HEADLINE, Evidence
from breachwatch.ingest.article import evidence_refs
from breachwatch.ingest.write import render_markdown
from breachwatch.plugins.anchors import anchor_sentences
from breachwatch.plugins.evidence import parse_evidence
from breachwatch.sentences import normalise_space


def test_evidence_ids_land_on_the_source_sentences(ingested) -> None:
    checked = in_headline = 0
    for article in ingested.values():
        source = render_markdown(article.metadata, article.paragraphs)
        html = markdown.Markdown(extensions=["meta"]).convert(source)
        _, sentences, _ = anchor_sentences(html)
        anchors = parse_evidence(article.metadata["evidence"])
        for field, found in article.evidence.items():
            for item in found:
                anchor = anchors.get(field, {}).get(item.slug)
                if not item.sentence:
                    assert anchor is None
                    continue
                assert anchor is not None, (article.seed.name, field, item.slug)
                if anchor == HEADLINE:
                    assert normalise_space(item.sentence) == normalise_space(
                        article.metadata["title"])
                    in_headline += 1
                    continue
                page_sentence = sentences[int(anchor[1:]) - 1]
                assert normalise_space(page_sentence) == normalise_space(item.sentence)
                checked += 1
    assert checked >= 20
    assert in_headline >= 1


def test_a_tag_found_in_the_headline_points_at_the_headline() -> None:
    evidence = {"breaches": [Evidence("leak-to-media", "Officer leaked  files to a reporter")]}
    assert evidence_refs(evidence, "Officer leaked files to a reporter", ["Body text."]) == [
        "breaches:leak-to-media:headline"
    ]


def test_malformed_references_are_ignored() -> None:
    assert parse_evidence(["breaches:data-loss:s3", "bad", "outcomes:x:7", "a::s1",
                           "forces:kent-police:headline", "forces:x:title"]) == {
        "breaches": {"data-loss": "s3"}, "forces": {"kent-police": "headline"}
    }
