"""Sentence splitting must agree everywhere: anchors, figures and no-loss checks use it."""

from __future__ import annotations

from breachwatch.sentences import split_sentences


def test_splits_on_terminal_punctuation_and_quotes() -> None:
    text = 'He said: "It is alleged." "On April 6 the officer viewed it." The officer was not.'
    assert split_sentences(text) == [
        'He said: "It is alleged."',
        '"On April 6 the officer viewed it."',
        "The officer was not.",
    ]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Det. Insp. Jones met J. Bloggs at 3 p.m. on Tuesday. Then he left."
    assert split_sentences(text) == [
        "Det. Insp. Jones met J. Bloggs at 3 p.m. on Tuesday.",
        "Then he left.",
    ]


def test_lower_case_after_full_stop_is_same_sentence() -> None:
    assert split_sentences("It cost £3.5m. in total, e.g. fines.") == [
        "It cost £3.5m. in total, e.g. fines."
    ]


def test_empty_and_no_punctuation() -> None:
    assert split_sentences("   ") == []
    assert split_sentences("Subscribe now") == ["Subscribe now"]


def test_normalise_space_returns_normalised_text_as_it_is() -> None:
    from breachwatch.sentences import normalise_space

    text = "Already single spaced, \u201cquoted\u201d text."
    assert normalise_space(text) is text
    for messy in [" lead", "trail ", "dou  ble", "tab\there", "nb\u00a0sp", "line\nbreak",
                  "em\u2003space"]:
        assert normalise_space(messy) == " ".join(messy.split())
