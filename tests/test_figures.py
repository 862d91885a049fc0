"""Figures: value, unit, scope and period of the numeric claims in article text."""

from __future__ import annotations

from datetime import date

import pytest

from breachwatch.extract.figures import UK, extract_figures, find_periods

MET = "metropolitan-police-service"


def one(text: str, **kwargs):
    """The figures of a one-paragraph text."""
    return extract_figures([text], **kwargs)


def test_force_ranking_gives_each_number_its_own_force_and_repeats_the_unit() -> None:
    figures = one("West Midlands Police ranked top with 488 breaches, followed by Surrey "
                  "Police with 202.")
    assert [(f.value, f.unit, f.scope) for f in figures] == [
        (488, "breaches", "west-midlands-police"),
        (202, "breaches", "surrey-police"),
    ]
    assert all(f.scope_basis == "sentence" and f.sentence_index == 1 for f in figures)


def test_uk_total_with_qualifier_and_period_relative_to_publication() -> None:
    (figure,) = one(
        "Figures obtained by campaign group Big Brother Watch have revealed there were "
        "\u2018at least\u2019 2,315 data breaches across the UK police forces between June "
        "2011 and December last year.",
        published=date(2016, 1, 1),
    )
    assert (figure.value, figure.unit, figure.scope, figure.qualifier) == (
        2315, "breaches", UK, "at least")
    assert (figure.period.start, figure.period.end) == ("2011-06-01", "2015-12-31")
    assert figure.text == "2,315"


def test_since_year_gives_an_open_period() -> None:
    (figure,) = one("Freedom of Information requests revealed 39 incidents within the Met "
                    "since 2011.")
    assert (figure.value, figure.unit, figure.scope) == (39, "incidents", MET)
    assert (figure.period.text, figure.period.start, figure.period.end) == (
        "since 2011", "2011-01-01", None)


def test_duration_without_dates_keeps_its_words_only() -> None:
    (figure,) = one("The revelation that there were 300 such breaches during nearly five "
                    "years has prompted calls for the Met to review its security procedures.")
    assert (figure.value, figure.unit) == (300, "breaches")
    assert figure.period.text == "during nearly five years"
    assert figure.period.start is None and figure.period.end is None


def test_workforce_list_gives_three_units_and_the_article_force() -> None:
    figures = one("The force employs around 31,000 officers, 13,000 staff and 2,600 Police "
                  "Community Support Officers (PCSOs).", primary_force=MET)
    assert [(f.value, f.unit) for f in figures] == [
        (31000, "officers"), (13000, "staff"), (2600, "pcsos")]
    assert figures[0].qualifier == "around"
    assert {(f.scope, f.scope_basis) for f in figures} == {(MET, "article")}


def test_percentages_keep_the_counts_in_brackets_apart() -> None:
    figures = one(
        "Across the country, 800 employees were found to have accessed personal information. "
        "Only three per cent (70) of cases resulted in a criminal conviction or caution, 11 per "
        "cent (258) in written or verbal warnings and 13 per cent (297) in resignation.")
    assert [(f.value, f.unit, f.of) for f in figures] == [
        (800, "employees", None),
        (3, "percent", "cases"), (70, "cases", None),
        (11, "percent", "cases"), (258, "cases", None),
        (13, "percent", "cases"), (297, "cases", None),
    ]
    assert figures[1].scope == UK and figures[1].scope_basis == "previous sentence"
    assert figures[1].text == "three per cent" and figures[1].sentence_index == 2


def test_heading_with_period_applies_to_the_figure_lines_under_it() -> None:
    figures = extract_figures(
        ["\u2022 Stats since 1st January 2022", "\u2022 124 Misconduct Hearings",
         "89% held in public", "The force is responsible for Greater London."],
        primary_force=MET)
    assert [(f.value, f.unit, f.of) for f in figures] == [
        (124, "hearings", None), (89, "percent", "hearings")]
    assert all(f.period.start == "2022-01-01" for f in figures)
    assert [f.sentence_index for f in figures] == [2, 3]


def test_dates_years_and_ordinals_are_not_figures() -> None:
    text = ("It is alleged that between March 29 and June 22 2019, in the 21st century, the "
            "officer passed information to staff. On April 6 and 7 2019 he viewed a report.")
    assert one(text) == []


def test_times_takes_its_unit_from_the_verb() -> None:
    (figure,) = one("Metropolitan Police officers breached data protection rules 300 times in "
                    "five years.")
    assert (figure.value, figure.unit) == (300, "breaches")
    (views,) = one("The officer viewed a criminal intelligence report relating to a neighbour "
                   "three times between January 18 and February 13 2019.")
    assert (views.value, views.unit) == (3, "views")
    assert (views.period.start, views.period.end) == ("2019-01-18", "2019-02-13")


def test_rates_are_a_unit_of_their_own() -> None:
    (figure,) = one("The police are still committing 10 data breaches a week.")
    assert figure.unit == "breaches per week"


def test_compound_noun_counts_its_last_word() -> None:
    figures = one("In total, 27 of the data breach offences were committed by police "
                  "officers, while 12 were by civilian members of the force.")
    assert [(f.value, f.unit) for f in figures] == [(27, "offences"), (12, "offences")]


@pytest.mark.parametrize("text", [
    "Two known drug dealers were given information.",
    "The Metropolitan Police does not rank among the 10 police forces named.",
    "A special constable posted a photo of two men fighting.",
])
def test_numbers_without_a_unit_are_not_figures(text: str) -> None:
    assert one(text) == []


def test_fractions_are_shares_of_the_named_unit() -> None:
    figures = one("Around one-fifth of cases ended with the individual leaving the force, "
                  "while two-thirds resulted in formal action.")
    assert [(f.value, f.unit, f.of) for f in figures] == [
        (20.0, "percent", "cases"), (66.7, "percent", "cases")]


def test_period_day_range_takes_the_year_of_its_end() -> None:
    ((_, period),) = find_periods("between January 18 and February 13 2019")
    assert (period.start, period.end) == ("2019-01-18", "2019-02-13")


def test_every_seed_figure_quotes_its_sentence(ingested) -> None:
    from breachwatch.sentences import split_sentences

    total = 0
    for article in ingested.values():
        sentences = [s for p in article.paragraphs for s in split_sentences(p)]
        for figure in extract_figures(article.paragraphs):
            assert sentences[figure.sentence_index - 1] == figure.sentence
            assert figure.text in figure.sentence
            total += 1
    assert total >= 25


def test_excerpt_keeps_the_number_in_view() -> None:
    from breachwatch.plugins.figures import excerpt_around

    sentence = "Across the country, " + "many words here " * 20 + "almost 900 times in all."
    short = excerpt_around(sentence, "900", 60)
    assert "900" in short and short.startswith("\u2026") and len(short) <= 62
    assert excerpt_around("Only 12 cases.", "12", 60) == "Only 12 cases."


def test_shortcuts_know_every_letter_case_insensitive_matching_takes_for_ascii() -> None:
    import re

    from breachwatch.extract.figures import _lower_ascii

    letter = re.compile("[a-z]", re.I)
    takers = [chr(c) for c in range(0x110000) if letter.fullmatch(chr(c))]
    assert all(re.fullmatch("[a-z]", _lower_ascii(c)) for c in takers)


@pytest.mark.parametrize("text", [
    "Leaks rose over the past three year\u017f.",  # long s, matched as "s"
    "Leaks rose \u017fince March.",
])
def test_periods_are_found_whatever_letters_spell_the_words(text: str) -> None:
    assert find_periods(text)


def test_word_numbers_are_found_whatever_letters_spell_them() -> None:
    (figure,) = one("The force found \u017fix breaches.")
    assert (figure.value, figure.unit) == (6, "breaches")


def test_sentences_without_digits_or_number_words_state_no_figure() -> None:
    assert one("The officer was dismissed after a hearing in Maidstone.") == []
    assert find_periods("The officer was dismissed after a hearing in Maidstone.") == []


def test_numbers_in_words_and_digits_keep_their_order() -> None:
    figures = one("Two officers made 300 searches, three staff made 40 breaches and a third of "
                  "them were unlawful.")
    assert [(f.value, f.unit) for f in figures][:4] == [
        (2, "officers"), (300, "searches"), (3, "staff"), (40, "breaches")]
    assert figures[4].unit == "percent"
