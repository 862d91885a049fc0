"""Breach types come from cue phrases and from who received the information."""

from __future__ import annotations

import pytest

from breachwatch.extract.breaches import extract_breaches, load_breach_types

ISSUE_SLUGS = {
    "unauthorised-access", "disclosure-to-third-party", "leak-to-criminals", "leak-to-media",
    "selling-information", "personal-device", "social-media", "improper-relationship",
    "data-loss", "misuse-of-systems",
}


def slugs(*sentences: str) -> set[str]:
    return {e.slug for e in extract_breaches(sentences[0], list(sentences[1:]))}


def test_taxonomy_has_every_type_with_a_definition() -> None:
    types = load_breach_types()
    assert set(types) == ISSUE_SLUGS
    assert all(t.definition.endswith(".") and t.name for t in types.values())


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A PC ran checks on her neighbours on the police national computer.",
         "unauthorised-access"),
        ("The officer accessed records about his ex-wife without a policing purpose.",
         "unauthorised-access"),
        ("A sergeant passed the address of a witness to a friend.",
         "disclosure-to-third-party"),
        ("He tipped off dealers about a raid.", "leak-to-criminals"),
        ("A constable leaked the name of a victim to a reporter.", "leak-to-media"),
        ("She sold details of crash victims to a claims firm for cash.",
         "selling-information"),
        ("He photographed the screen with his own phone.", "personal-device"),
        ("The officer posted a video of the arrest on TikTok.", "social-media"),
        ("He began a sexual relationship with a domestic abuse victim.",
         "improper-relationship"),
        ("An officer lost a notebook containing witness statements.", "data-loss"),
        ("The officer used force email for personal business and misused police systems.",
         "misuse-of-systems"),
        ("The constable carried out checks on his ex-partner's new boyfriend.",
         "unauthorised-access"),
        ("He conducted searches on the Police National Database for people he knew.",
         "unauthorised-access"),
        ("Files containing the personal details of victims were found in a skip.", "data-loss"),
        ("She emailed witness details to her personal Gmail account.", "personal-device"),
        ("He formed a relationship with a vulnerable victim he met while on duty.",
         "improper-relationship"),
    ],
)
def test_each_type_has_a_cue(sentence: str, expected: str) -> None:
    assert expected in slugs("Headline", sentence)


def test_possessive_names_whose_not_who_received() -> None:
    found = slugs("Headline", "He passed details of an arrest to the suspect's employer.")
    assert found == {"disclosure-to-third-party"}


def test_passive_recipient_before_the_verb() -> None:
    found = slugs("Headline", "Journalists were secretly supplied with information by police.")
    assert found == {"leak-to-media"}


def test_recipient_far_from_any_disclosure_verb_does_not_count() -> None:
    sentence = "He was given a final written warning at a hearing last week, his family said."
    assert slugs("Headline", sentence) == set()


def test_negated_cue_does_not_count() -> None:
    sentence = "There is no suggestion that the officer accessed records about the victim."
    assert slugs("Headline", sentence) == set()


def test_article_without_misuse_gets_no_breach() -> None:
    assert slugs(
        "New chief constable sworn in",
        "The force welcomed its new chief constable, who met staff and councillors.",
        "She said officers would be given more training on the new radio system.",
    ) == set()


def test_evidence_is_the_sentence_that_shows_it() -> None:
    evidence = extract_breaches("Headline", ["Nothing here.", "He leaked files to a gang."])
    assert [(e.slug, e.sentence) for e in evidence] == [
        ("leak-to-criminals", "He leaked files to a gang.")
    ]


def test_family_members_are_third_parties() -> None:
    sentence = "She is accused of sharing confidential information with her sister."
    assert slugs("Headline", sentence) == {"disclosure-to-third-party"}


def test_physical_searches_are_not_system_searches() -> None:
    sentence = "Officers carried out searches of the property and found cash."
    assert slugs("Headline", sentence) == set()
