"""The headline is taken from the top of the page, without the page's date label."""

from __future__ import annotations

import pytest

from breachwatch.extract.title import extract_title, is_date_line


def test_a_short_first_paragraph_is_the_headline() -> None:
    assert extract_title(["Constable sacked over records checks", "Body."]) == (
        "Constable sacked over records checks", "Constable sacked over records checks",
        ["Body."])


def test_a_long_first_paragraph_gives_its_first_sentence_and_stays_in_the_body() -> None:
    first = "A constable was sacked. " + "He looked up a neighbour on police systems. " * 6
    headline = extract_title([first])
    assert (headline.title, headline.body) == ("A constable was sacked.", [first])


def test_a_date_label_glued_before_the_headline_is_not_part_of_it() -> None:
    headline = extract_title(["date 2022-04-05 Constable sacked", "Body."])
    assert (headline.title, headline.heading) == (
        "Constable sacked", "date 2022-04-05 Constable sacked")
    long = "date 2021-03-01 A sergeant was dismissed. " + "The panel sat for two days. " * 8
    assert extract_title([long]).title == "A sergeant was dismissed."


def test_a_date_line_above_the_headline_stays_in_the_body() -> None:
    paragraphs = ["Page last updated at 17:19 GMT, Monday, 15 September 2008",
                  "Force admits memory stick loss", "An officer lost a memory stick."]
    headline = extract_title(paragraphs)
    assert headline.title == "Force admits memory stick loss"
    assert headline.body == [paragraphs[0], paragraphs[2]]


@pytest.mark.parametrize("label", ["Politics", "Top Stories", "date 2021-03-04 Crime"])
def test_a_section_label_above_the_headline_stays_in_the_body(label: str) -> None:
    paragraphs = [label, "Sergeant sacked for looking up his neighbours",
                  "A sergeant was dismissed."]
    headline = extract_title(paragraphs)
    assert headline.title == "Sergeant sacked for looking up his neighbours"
    assert headline.body == [label, paragraphs[2]]


@pytest.mark.parametrize("following", ["Name of officer: PC Jo Bloggs",
                                       "Date published: 4 May 2021", "By Jo Bloggs",
                                       "A constable was dismissed on Monday."])
def test_a_short_headline_before_a_field_a_byline_or_a_sentence_is_kept(following: str) -> None:
    paragraphs = ["Misconduct Hearing", following, "The panel sat in public."]
    assert extract_title(paragraphs).title == "Misconduct Hearing"


def test_date_lines_and_headlines_with_dates() -> None:
    assert is_date_line("February 21, 2022 12.26 pm")
    assert is_date_line("Published: 6 April 2023")
    assert not is_date_line("Officer sacked on 6 April 2023 for records checks")
    assert not is_date_line("Constable sacked over records checks")
