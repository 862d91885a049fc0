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


def test_a_link_label_after_source_is_no_credit() -> None:
    lines = ["Officer sacked", "He was sacked.", "Source: Read Full Article"]
    assert extract_publisher(lines) == ("unknown", None)
    credited = extract_publisher(["Officer sacked", "Source: Westford Gazette"])
    assert credited[0] == "Westford Gazette"


def test_outlet_named_in_the_body_is_not_the_publisher() -> None:
    lines = ["Officer accused", "The Sunday Express reported last month that names are withheld."]
    assert extract_publisher(lines)[0] == "unknown"


def test_domain_names_the_publisher_and_a_republisher_is_credited_via() -> None:
    from breachwatch.extract.publisher import credit_publisher, publisher_of_url

    assert publisher_of_url("https://news.bbc.co.uk/1/hi/uk/123.stm")[0] == "BBC News"
    assert publisher_of_url("https://www.example-unknown.co.uk/a") is None
    # An aggregator's page that names its original: "Original via Aggregator".
    assert credit_publisher("https://www.inkl.com/news/x", "", "The Northern Echo") == (
        "The Northern Echo via inkl")
    assert credit_publisher("https://www.inkl.com/news/x", "", "unknown") == "inkl"
    # sources.csv wins, then the domain, then the page's own masthead.
    assert credit_publisher("https://www.inkl.com/news/x", "Listed", "Echo") == "Listed"
    assert credit_publisher("", "", "The Northern Echo") == "The Northern Echo"
