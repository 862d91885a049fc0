"""Publisher credit: a masthead or credit line, else honestly 'unknown'."""

from __future__ import annotations

import pytest

from breachwatch.extract.publisher import extract_publisher, masthead_publisher


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Harefield Gazette", "Harefield Gazette"),
        ("Manchester Evening News", "Manchester Evening News"),
        ("The Guardian", "The Guardian"),
        ("MailOnline", "Daily Mail"),
        ("Met officer fed information to drug dealers", None),
        ("Surrey Police", None),
        ("Officer dismissed after passing confidential information to embassy staff", None),
    ],
)
def test_masthead(line: str, expected: str | None) -> None:
    assert masthead_publisher(line) == expected


def test_masthead_only_at_the_top() -> None:
    lines = ["Officer sacked", "", "The Northern Echo", "", "He was sacked."]
    assert extract_publisher(lines) == ("unknown", None)
    assert extract_publisher(lines[2:]) == ("The Northern Echo", 0)


def test_credit_line_at_the_bottom() -> None:
    lines = ["Officer sacked", "He was sacked.", "This article first appeared in the Bristol Post."]
    assert extract_publisher(lines) == ("The Bristol Post", 2)


def test_outlet_named_in_the_body_is_not_the_publisher() -> None:
    lines = ["Officer accused", "The Sunday Express reported last month that names are withheld."]
    assert extract_publisher(lines)[0] == "unknown"
