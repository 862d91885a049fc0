"""The cue phrase language editors write in the taxonomy data files."""

from __future__ import annotations

import dataclasses
import gc
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from breachwatch.datafiles import DataFileError
from breachwatch.extract import cues
from breachwatch.extract.cues import (
    ArticleText,
    CueTable,
    WordIndex,
    compile_cues,
    fold,
    longest_matches,
    words_before,
)
from breachwatch.ingest.article import prepare


def found(cue: str, text: str) -> list[str]:
    return [m.group() for m in compile_cues([cue], "test.yaml", "cue").finditer(text)]


def test_star_matches_any_ending_but_whole_words_only() -> None:
    assert found("leak*", "He leaked it; leaks followed.") == ["leaked", "leaks"]
    assert found("leak", "The leakage was found.") == []


def test_alternatives_and_optional_groups() -> None:
    cue = "abuse of position for (a)? sexual purpose*"
    assert found(cue, "abuse of position for a sexual purpose") == [
        "abuse of position for a sexual purpose"
    ]
    assert found(cue, "abuse of position for sexual purposes") == [
        "abuse of position for sexual purposes"
    ]
    assert found("(personal|private) phone", "his private phone") == ["private phone"]


def test_gap_allows_up_to_six_words_only() -> None:
    cue = "passed .. information"
    assert found(cue, "passed on sensitive and confidential police information")
    assert not found(cue, "passed a note, then weeks later, after a long talk, information")


def test_case_and_apostrophes_are_ignored() -> None:
    assert found("the suspect's employer", "THE SUSPECT\u2019S EMPLOYER") == [
        "THE SUSPECT\u2019S EMPLOYER"
    ]


def test_bad_cue_names_the_data_file() -> None:
    with pytest.raises(DataFileError, match="test.yaml"):
        compile_cues([""], "test.yaml", "breach 'x'")


def test_longest_overlapping_match_wins() -> None:
    patterns = CueTable({
        "written-warning": compile_cues(["written warning"], "t", "a"),
        "final-written-warning": compile_cues(["final written warning"], "t", "b"),
    })
    article = ArticleText.of("Headline", ["He got a final written warning."])
    matches = longest_matches(article, patterns)
    assert [m.slug for m in matches] == ["final-written-warning"]


@given(st.text(alphabet=st.sampled_from("ab'- ."), max_size=300), st.integers(0, 300),
       st.integers(1, 8))
def test_words_before_are_the_last_words_of_what_comes_before(text: str, position: int,
                                                              count: int) -> None:
    words = re.findall(r"[\w'\u2019-]+", text[:position])
    assert words_before(text, position, count) == " ".join(words[-count:])


def test_words_before() -> None:
    text = "he could face dismissal"
    assert words_before(text, text.index("dismissal"), 2) == "could face"


def test_no_cue_spans_two_sentences() -> None:
    article = ArticleText.of("Headline", ["He passed a test. Information was given."])
    pattern = compile_cues(["passed .. information"], "t", "a")
    assert pattern.search(article.text) is None
    assert article.locate(article.text.index("Information")) == ("Information was given.", 0)


def test_nested_brackets_are_refused_with_the_file_name() -> None:
    with pytest.raises(DataFileError, match="test.yaml.*nested"):
        compile_cues(["suspended (from (the|his) job)"], "test.yaml", "outcome 'x'")
    with pytest.raises(DataFileError, match="unbalanced"):
        compile_cues(["suspended (from duty"], "test.yaml", "outcome 'x'")


def test_word_index_knows_whole_words_and_their_beginnings() -> None:
    index = WordIndex(fold("The officer's e-mails LEAKED data."))
    assert {"the", "officer", "s", "e", "mails", "leaked", "data"} == index.words
    assert index.has_prefix("leak")
    assert index.has_prefix("mail")
    assert not index.has_prefix("email")
    assert not index.has_prefix("ked")


@given(st.text(alphabet=st.sampled_from("aZ_9\u00e9\u00b2\u0661 \t\n\u00a0\u2003-'.,\u2019")))
def test_word_index_has_every_run_of_word_characters(text: str) -> None:
    assert WordIndex(text).words == set(re.findall(r"\w+", text))


def test_a_cue_starts_only_at_a_word_edge() -> None:
    assert found("a (final|written) warning", "Data warning; a final warning") == [
        "a final warning"
    ]
    assert found("leak*", "data-leak, 'leak and bleak leaks") == ["leak", "leaks"]
    assert found("e-mail*", "He e-mailed it; the fee-mail was not") == ["e-mailed"]
    assert found("officer's phone", "an officer's phone, not an officer phone") == [
        "officer's phone"
    ]


def test_a_cue_whose_words_are_absent_is_skipped_without_matching() -> None:
    assert found("passed .. information", "passed on the informant's name") == []
    assert found("disclos* .. to (a|the) journalist*", "disclosed it to the journalists") == [
        "disclosed it to the journalists"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "PLAIN ASCII Text",
        "Caf\u00c9 \u201cQUOTED\u201d it\u2019s",
        "\u0130stanbul K\u212a \u03a3\u039f\u03a3",
        "\U00010400 Deseret",
        "stra\u00dfe \u017fs",
    ],
)
def test_fold_lowers_only_ascii_letters_and_keeps_positions(text: str) -> None:
    expected = "".join(
        "'" if c == "\u2019" else c.lower() if "A" <= c <= "Z" else c for c in text
    )
    assert fold(text) == expected


def test_a_cue_table_finds_what_each_of_its_sets_finds() -> None:
    sets = {
        "warning": compile_cues(["(final|written) warning", "warn*"], "t", "a"),
        "dismissal": compile_cues(["dismiss*", "sacked"], "t", "b"),
        "never": compile_cues(["zebra crossing"], "t", "c"),
    }
    text = "He was warned, then given a final warning, then dismissed; others were sacked."
    found = CueTable(sets).finditer(text, 5)
    assert list(found) == ["warning", "dismissal"]
    for name, matches in found.items():
        assert matches == sets[name].finditer(text, 5)


def test_every_cue_of_the_data_files_compiles() -> None:
    prepare()  # loads every cue list
    alternatives = [o for o in gc.get_objects() if isinstance(o, cues._Alternative)]
    assert len(alternatives) > 300
    assert all(isinstance(alternative.scan, re.Pattern) for alternative in alternatives)


def test_a_cue_that_does_not_compile_names_its_data_file() -> None:
    (alternative,) = compile_cues(["looked up"], "breaches.yaml", "breach 'x'").by_word["looked"]
    broken = dataclasses.replace(alternative, scan_source="looked(up")
    with pytest.raises(DataFileError, match=r"breaches\.yaml: breach 'x': cue 'looked up' is not"):
        _ = broken.scan
