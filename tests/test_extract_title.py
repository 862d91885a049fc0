"""The headline is taken from the top of the page, without the page's date label."""

from __future__ import annotations

from breachwatch.extract.title import extract_title


def test_a_short_first_paragraph_is_the_headline() -> None:
    assert extract_title(["Constable sacked over records checks", "Body."]) == (
        "Constable sacked over records checks", True)


def test_a_long_first_paragraph_gives_its_first_sentence_and_stays_in_the_body() -> None:
    first = "A constable was sacked. " + "He looked up a neighbour on police systems. " * 6
    assert extract_title([first]) == ("A constable was sacked.", False)


def test_a_date_label_glued_before_the_headline_is_not_part_of_it() -> None:
    assert extract_title(["date 2022-04-05 Constable sacked", "Body."]) == (
        "Constable sacked", True)
    long = "date 2021-03-01 A sergeant was dismissed. " + "The panel sat for two days. " * 8
    assert extract_title([long]) == ("A sergeant was dismissed.", False)
