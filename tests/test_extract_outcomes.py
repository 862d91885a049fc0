"""Outcomes that happened are tagged; ones that only could happen are not."""

from __future__ import annotations

from breachwatch.extract.outcomes import extract_outcomes, load_outcomes


def slugs(*sentences: str) -> list[str]:
    return [e.slug for e in extract_outcomes("Headline", list(sentences))]


def test_outcomes_listed_most_severe_first() -> None:
    found = slugs("She was given a written warning.", "He was dismissed without notice.")
    assert found == ["dismissed-without-notice", "written-warning"]
    ranks = [o.rank for o in load_outcomes().values()]
    assert ranks == sorted(ranks)


def test_specific_outcome_replaces_the_general_one() -> None:
    assert slugs("Officer dismissed.", "He was dismissed without notice.") == [
        "dismissed-without-notice"
    ]


def test_final_written_warning_is_not_also_a_written_warning() -> None:
    assert slugs("He received a final written warning.") == ["final-written-warning"]


def test_hedged_outcomes_are_not_outcomes() -> None:
    assert slugs(
        "If proven, the conduct is so serious as to justify dismissal.",
        "The officer could face dismissal.",
        "New rules prevent officers resigning to avoid a hearing.",
    ) == []


def test_negated_outcomes_are_not_outcomes() -> None:
    assert slugs("He has not been charged with any offence.") == []


def test_suspension_and_barred_list() -> None:
    assert slugs(
        "The constable, who is currently suspended on full pay, denies wrongdoing.",
        "She will be placed on the barred list.",
    ) == ["barred-list", "suspended"]


def test_a_retired_witness_is_not_an_outcome() -> None:
    assert slugs("A retired detective said the force should act.") == []


def test_sentences_short_of_prison_are_convictions_unless_only_possible() -> None:
    assert slugs("The former clerk received a suspended prison sentence.") == ["convicted"]
    assert slugs("Magistrates gave him a community order for the searches.") == ["convicted"]
    assert slugs("He was handed a conditional discharge.") == ["convicted"]
    assert slugs("He faces a custodial sentence when he returns to court.") == []


def test_someones_previous_convictions_are_no_outcome() -> None:
    from breachwatch.extract.outcomes import extract_outcomes

    found = extract_outcomes("Officer looked up partner", [
        "The constable searched for her partner, who had previous convictions for violence."])
    assert "convicted" not in [e.slug for e in found]


def test_suspended_sentences_for_two_people_are_convictions() -> None:
    assert slugs("A statement concerning today's suspended sentences for the two men.") == [
        "convicted"]


def test_a_convicted_someone_is_a_description_not_an_outcome() -> None:
    assert slugs("He is accused of passing the address to a convicted drug dealer.") == []
    assert slugs("The constable was convicted of misconduct in public office.") == ["convicted"]


def test_convictions_named_as_records_are_no_outcome_but_the_officers_is() -> None:
    assert slugs("He looked up his brother's drug conviction on the system, which stores "
                 "convictions and crime reports.") == []
    assert slugs("Her conviction for misconduct in public office was upheld.") == ["convicted"]


def test_an_attempted_act_does_not_hedge_what_followed_it() -> None:
    from breachwatch.extract.outcomes import extract_outcomes

    found = extract_outcomes("Figures", [
        "An officer who attempted to leak a name online resigned from the force."])
    assert "resigned" in [e.slug for e in found]
