"""Publication dates inferred from text, with the phrase they rest on."""

from __future__ import annotations

import re
from datetime import date

import pytest
from conftest import TODAY

from breachwatch.extract.cues import first_letter_alternation
from breachwatch.extract.dates import infer_date


def guess(*paragraphs: str):
    return infer_date("Headline", list(paragraphs), today=TODAY)


def test_weekday_fixes_the_year_of_an_announced_hearing() -> None:
    result = guess(
        "The officer was accused of misconduct between March 2019 and December 2020.",
        "The allegations will be heard from Tuesday, September 26 to Wednesday, October 4.",
    )
    # Published before the hearing it announces: the hearing's year, never its day; a hearing
    # late in the year was likely announced the same year.
    assert (result.date.year, result.precision, result.rule) == (
        2023, "year", "before-announced-event")
    assert result.confidence == "medium"
    assert result.basis == "before Tuesday, September 26"


def test_latest_past_event_with_a_day() -> None:
    result = guess(
        "We began our investigation in July 2020 and completed it October 2020.",
        "The meeting took place on Thursday 14 January 2021.",
    )
    assert result.date == date(2021, 1, 14)
    assert result.confidence == "medium"


def test_since_dates_are_lower_bounds_not_events() -> None:
    result = guess("The meeting took place on 3 March 2021.", "Stats since 1st January 2022.")
    assert result.date == date(2021, 3, 3)


def test_month_precision_uses_the_end_of_the_month() -> None:
    result = guess("Breaches between January 2009 and October 2013 ranged widely.")
    assert result.date == date(2013, 10, 31)
    assert (result.confidence, result.precision, result.basis) == ("low", "month", "October 2013")


def test_relative_year_resolved_from_a_period_and_its_length() -> None:
    result = guess(
        "There were 900 breaches over the past five years.",
        "Figures show 2,315 breaches between June 2011 and December last year.",
    )
    assert result.date == date(2016, 1, 1)
    assert result.precision == "year"
    assert "December last year" in result.basis


def test_explicit_dateline_wins_with_high_confidence() -> None:
    result = guess("Published: 12 May 2019", "The officer was sacked on 3 March 2019.")
    assert (result.date, result.confidence) == (date(2019, 5, 12), "high")


def test_weekday_that_contradicts_the_date_is_not_used_to_move_it() -> None:
    # 14 January 2021 was a Thursday; the stated date is kept as written.
    result = guess("It took place on Monday 14 January 2021.")
    assert result.date == date(2021, 1, 14)


@pytest.mark.parametrize(
    "text",
    ["An officer was sacked for looking up his neighbour.", "He met her 30 times."],
)
def test_undated_text_says_so(text: str) -> None:
    result = guess(text)
    assert (result.rule, result.confidence) == ("undated", "none")


def test_future_years_are_ignored() -> None:
    result = guess("The plan runs until 2099.", "He was dismissed in May 2018.")
    assert result.date == date(2018, 5, 31)


def test_numeric_dates_are_read_day_first() -> None:
    guess = infer_date("Officer dismissed", ["He was dismissed at a hearing on 02/05/2022."])
    assert (guess.date, guess.precision) == (date(2022, 5, 2), "day")
    iso = infer_date("Officer dismissed", ["The hearing ended on 2021-11-30."])
    assert iso.date == date(2021, 11, 30)


def test_dateline_word_on_its_own_line_dates_the_article() -> None:
    guess = infer_date("Officer sacked", ["Published", "12 March 2024", "Text from 2025."])
    assert (guess.date, guess.rule, guess.confidence) == (date(2024, 3, 12), "dateline", "high")


def test_month_and_weekday_names_match_whatever_their_case_and_length() -> None:
    names = first_letter_alternation(["september", "sept", "sep", "saturday", "may"], case=False)
    pattern = re.compile(rf"\b(?:{names})\b", re.I)
    assert [m.group() for m in pattern.finditer("SEPT, Sep and September; Saturday may")] == [
        "SEPT", "Sep", "September", "Saturday", "may"
    ]
    guess = infer_date("Hearing set", ["The panel sat on SATURDAY 11 FEBRUARY 2012."], TODAY)
    assert guess.date.isoformat() == "2012-02-11"


def test_since_and_dateline_words_just_before_a_date() -> None:
    from breachwatch.extract.dates import _dateline_before, _since_before

    assert _since_before("Ever since the  ", 16) and _since_before("SINCE\n", 6)
    assert not _since_before("convince the ", 13) and not _since_before("since", 5)
    assert _dateline_before("First published on:\u00a0", 20)
    assert not _dateline_before("Published", 9) and not _dateline_before("the post ", 9)


def test_dates_are_found_as_a_case_blind_search_finds_them() -> None:
    # Dates are looked for in the lower-cased text; a letter that only a case-blind search
    # reads as ASCII (the long s here) sends its sentence to the case-blind patterns.
    assert guess("The panel met on 3 MAY 2021.").basis == "3 MAY 2021"
    assert guess("The panel met on 3 \u017feptember 2021.").date == date(2021, 9, 3)


def test_the_end_of_a_period_at_issue_dates_loosely() -> None:
    result = guess("He accessed the records between 1 March 2019 and 31 December 2020.")
    assert result.confidence == "low"


def test_a_weekday_with_no_year_anywhere_dates_loosely() -> None:
    result = guess("He was arrested on Tuesday, January 20.")
    assert result.confidence == "low"


def test_a_date_line_under_the_by_line_wins() -> None:
    result = guess("By Sam Example | 14 March 2023", "He was jailed on 3 May 2021.")
    assert (result.date, result.rule) == (date(2023, 3, 14), "dateline")


def test_a_date_label_opening_run_together_lines_is_a_date_line() -> None:
    result = guess("date 2022-04-05 A constable was dismissed after a hearing on 4 April.")
    assert (result.date, result.rule) == (date(2022, 4, 5), "dateline")


def test_a_hearing_early_in_the_year_leaves_the_year_open() -> None:
    result = guess("The officer was accused of misconduct in 2021.",
                   "The hearing will be held on Tuesday, January 18.")
    assert (result.date.year, result.confidence) == (2022, "low")


def test_between_an_event_and_one_in_a_later_year_the_year_is_open() -> None:
    result = guess("He was charged on 9 December 2020.",
                   "He will appear in court on Tuesday, 26 January 2021.")
    assert (result.rule, result.confidence) == ("before-announced-event", "low")


def test_a_weekday_with_its_date_in_brackets() -> None:
    result = guess("The misconduct happened in 2021.",
                   "The hearing will be held on Thursday (April 28) at headquarters.")
    assert (result.date.year, result.confidence) == (2022, "medium")


def test_an_event_late_in_december_leaves_the_year_open() -> None:
    assert guess("The hearing was held on 20 December 2023.").confidence == "low"


def test_the_year_named_as_this_year() -> None:
    result = guess("The laptop was lost in February this year (2012).")
    assert (result.date.year, result.confidence, result.precision) == (2012, "medium", "year")


def test_the_end_of_a_period_of_the_years_stated() -> None:
    result = guess("Over the last three years, from May 2009 to May 2012, 40 breaches were found.")
    assert (result.date.year, result.rule) == (2012, "period-end")


def test_a_date_line_glued_to_its_label() -> None:
    result = guess("News12th March 2021", "The constable was cleared in 2019.")
    assert (result.date, result.rule) == (date(2021, 3, 12), "dateline")
