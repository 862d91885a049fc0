"""Status keeps allegation and finding apart and spots articles built on figures."""

from __future__ import annotations

from breachwatch.extract.status import counts_something, extract_status, load_statuses


def status(*sentences: str) -> str:
    return extract_status(sentences[0], list(sentences[1:])).slug


def test_four_statuses_with_definitions() -> None:
    assert set(load_statuses()) == {"alleged", "proven", "not-proven", "statistics"}


def test_allegation_stays_alleged_even_when_it_mentions_proof() -> None:
    assert status(
        "Officer accused of leaking data",
        "It is alleged he passed data to a friend.",
        "If proven, the misconduct was proven to be gross, the notice says.",
    ) == "alleged"


def test_a_finding_makes_it_proven() -> None:
    assert status(
        "Officer dismissed",
        "A panel found the allegations proven and he was dismissed without notice.",
    ) == "proven"


def test_cleared_is_not_proven() -> None:
    assert status(
        "Officer cleared",
        "The officer was accused of leaking data.",
        "A misconduct panel found there was no case to answer.",
    ) == "not-proven"


def test_many_counts_make_statistics() -> None:
    assert status(
        "Data breaches by police",
        "Forces recorded 2,315 data breaches between 2011 and 2015.",
        "In 11 per cent of cases officers got a warning.",
        "The force dismissed 12 officers.",
    ) == "statistics"


def test_dates_and_years_are_not_counts() -> None:
    assert not counts_something("Between 29 March and June 22 2019 he met staff in 2020.")
    assert counts_something("There were 300 breaches.")
    assert counts_something("About 13% ended in dismissal.")


def test_default_is_alleged_without_evidence() -> None:
    found = extract_status("New chief constable", ["She starts work on Monday."])
    assert (found.slug, found.sentence) == ("alleged", "")


def test_dropped_or_discontinued_cases_are_not_proven() -> None:
    assert status("Headline", "The case against him was dropped.") == "not-proven"
    assert status("Headline", "Misconduct proceedings against her were discontinued.") == (
        "not-proven"
    )
    assert status("Headline", "Following the allegations, he was dismissed.") == "proven"


def test_allegation_found_proven() -> None:
    assert status("Headline", "The allegation of gross misconduct was found proven.") == "proven"


def test_a_month_just_before_a_number_makes_it_a_date() -> None:
    from breachwatch.extract.status import _month_before

    for text in ["on May 14", "in SEPTEMBER  3", "from sept\u00a012", "Dec\t\t5"]:
        assert _month_before(text, len(text) - 2 if text[-2].isdigit() else len(text) - 1), text
    for text in ["in Mayfair 14", "on 14", "the December party, 14"]:
        assert not _month_before(text, len(text) - 2), text
