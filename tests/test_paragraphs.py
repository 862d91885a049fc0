"""Paragraphs come back from scraped lines, including a body flattened onto one line."""

from __future__ import annotations

from conftest import seed_path

from breachwatch.ingest.paragraphs import build_paragraphs, split_flattened
from breachwatch.sentences import normalise_space, split_sentences

FLAT = (
    "An officer has been accused of leaking data to a private investigator. "
    "The officer is suspended. The hearing will start on Monday. "
    'A notice said: "The officer will answer allegations of breaching confidentiality. '
    '"It is alleged that between May and June 2021 he searched police systems." '
    "The force said it would not comment further until the hearing had concluded, "
    "and that the officer remained suspended on full pay while the matter was resolved. "
    'A spokesman said: "We expect the highest standards." "This is a serious matter." '
    "The hearing is listed for five days."
)


def test_flattened_line_splits_at_quotation_boundaries() -> None:
    paragraphs = split_flattened(FLAT)
    assert len(paragraphs) >= 4
    assert paragraphs[1].startswith("A notice said:")
    assert paragraphs[2].startswith('"It is alleged')
    assert normalise_space(" ".join(paragraphs)) == normalise_space(FLAT)


def test_short_lines_are_left_alone() -> None:
    assert split_flattened('He said: "Yes." "No."') == ['He said: "Yes." "No."']


def test_hard_wrapped_lines_are_joined() -> None:
    lines = ["An officer who looked up his", "neighbour was sacked.", "", "Next paragraph."]
    assert build_paragraphs(lines) == [
        "An officer who looked up his neighbour was sacked.",
        "Next paragraph.",
    ]


def test_flattened_seed_reads_as_paragraphs_and_keeps_every_sentence() -> None:
    text = seed_path("000").read_text(encoding="utf-8")
    paragraphs = build_paragraphs(text.split("\n"))
    assert len(paragraphs) >= 10
    body = normalise_space(" ".join(paragraphs))
    for line in text.split("\n"):
        for sentence in split_sentences(line):
            assert normalise_space(sentence) in body
