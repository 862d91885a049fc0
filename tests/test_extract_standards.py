"""Standards are read only where the article talks about the standards."""

from __future__ import annotations

from breachwatch.extract.standards import extract_standards, load_standards


def slugs(*sentences: str) -> list[str]:
    return [e.slug for e in extract_standards("Headline", list(sentences))]


def test_the_ten_standards_of_the_2020_regulations() -> None:
    standards = load_standards()
    assert len(standards) == 10
    assert standards["confidentiality"].description


def test_standards_listed_after_the_context() -> None:
    sentence = (
        "The panel found he breached the standards of professional behaviour relating to "
        "confidentiality; orders and instructions; integrity; and conduct."
    )
    assert slugs(sentence) == [
        "confidentiality", "orders-and-instructions", "honesty-and-integrity",
        "discreditable-conduct",
    ]


def test_values_outside_a_standards_sentence_are_not_standards() -> None:
    assert slugs(
        "Honesty and integrity are at the heart of everything we do.",
        "Most officers keep high standards of integrity and professionalism.",
    ) == []


def test_bare_word_before_the_context_is_not_a_standard() -> None:
    sentence = (
        "It is alleged his conduct amounted to breaches of the standards of professional "
        "behaviour in respect of use of force."
    )
    assert slugs(sentence) == ["use-of-force"]


def test_full_name_is_not_counted_twice_by_its_short_form() -> None:
    sentence = "He breached the standard of professional behaviour of discreditable conduct."
    assert slugs(sentence) == ["discreditable-conduct"]
