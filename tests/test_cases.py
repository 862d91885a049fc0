"""Cases: the embassy seeds form one case; force alone never merges; editors' file wins."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from breachwatch.cases.detect import detect_cases, is_candidate, score_pair
from breachwatch.cases.editorial import EditorCases, load_editor_cases
from breachwatch.cases.facts import ArticleFacts
from breachwatch.cases.timeline import case_timeline, improved_date
from breachwatch.cli import main
from breachwatch.schema import MetadataError
from breachwatch.sentences import split_sentences

ALLEGATION, OUTCOME, OTHER = "000_37f2d590dab2a34e", "001_503712074871f5b7", "002_df6f2c58f01cb0c9"


def facts_of(ingested) -> dict[str, ArticleFacts]:
    """Every seed as the detector sees it, keyed by seed name without .txt."""
    from datetime import date

    result = {}
    for article in ingested.values():
        meta = article.metadata
        result[article.seed.stem] = ArticleFacts(
            key=article.seed.stem, slug=meta["slug"], subjects=meta["forces"],
            kinds=meta["breaches"], status=meta["case_status"],
            sentences=[s for p in article.paragraphs for s in split_sentences(p)],
            published=date.fromisoformat(meta["date"]),
            date_confidence=meta["date_confidence"])
    return result


def test_embassy_seeds_form_one_case_automatically(ingested) -> None:
    facts = facts_of(ingested)
    (case,) = detect_cases(list(facts.values()), EditorCases())
    assert case.keys == [ALLEGATION, OUTCOME] and case.source == "detected"
    assert {"algerian embassy", "community engagement officer"} <= set(case.shared_entities)


def test_shared_force_alone_never_merges(ingested) -> None:
    facts = facts_of(ingested)
    pair = score_pair(facts[ALLEGATION], facts[OTHER])
    assert pair.subjects == ("metropolitan-police-service",)
    assert not is_candidate(pair)


def test_timeline_is_dated_cited_and_in_story_order(ingested) -> None:
    facts = facts_of(ingested)
    steps = case_timeline([facts[ALLEGATION], facts[OUTCOME]])
    kinds = [s.kind for s in steps]
    assert kinds == sorted(kinds, key=["allegation", "investigation", "hearing", "outcome",
                                       "barred-list"].index)
    assert {"allegation", "hearing", "outcome", "barred-list"} <= set(kinds)
    hearing = next(s for s in steps if s.kind == "hearing" and s.key == ALLEGATION)
    assert (hearing.start, hearing.end) == ("2023-09-26", "2023-10-04")
    allegation = next(s for s in steps if s.kind == "allegation")
    assert "alleged" in allegation.sentence and allegation.start == "2019-03-01"
    for step in steps:
        sentences = facts[step.key].sentences
        assert sentences[step.sentence_index - 1] == step.sentence
        assert step.start


def test_outcome_article_is_dated_by_the_case_hearing(ingested) -> None:
    facts = facts_of(ingested)
    steps = case_timeline([facts[ALLEGATION], facts[OUTCOME]])
    when, basis = improved_date(facts[OUTCOME], steps)
    assert when.isoformat() == "2023-10-04" and "this week" in basis
    assert improved_date(facts[ALLEGATION], steps) is None  # not low confidence


def write_cases(tmp_path: Path, text: str) -> EditorCases:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    return load_editor_cases(path, {ALLEGATION, OUTCOME, OTHER})


def test_editor_split_wins_over_detection(ingested, tmp_path: Path) -> None:
    editor = write_cases(tmp_path, f"separate:\n  - [{ALLEGATION}, {OUTCOME}]\n")
    assert detect_cases(list(facts_of(ingested).values()), editor) == []


def test_editor_confirmed_case_merges_and_names(ingested, tmp_path: Path) -> None:
    editor = write_cases(tmp_path, (
        "confirmed:\n  - slug: met-embassy\n    title: The embassy case\n"
        f"    articles: [{ALLEGATION}.txt, {OUTCOME}, {OTHER}]\n"))
    (case,) = detect_cases(list(facts_of(ingested).values()), editor)
    assert (case.slug, case.title, case.source) == ("met-embassy", "The embassy case", "editor")
    assert case.keys == [ALLEGATION, OUTCOME, OTHER]


def test_unknown_seed_in_cases_file_fails_with_the_file(tmp_path: Path) -> None:
    with pytest.raises(MetadataError, match="cases.yaml.*no article from seed '999_x'"):
        write_cases(tmp_path, "confirmed:\n  - {slug: x, title: X, articles: [999_x]}\n")


def test_case_page_and_article_links(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copytree(ROOT / "content" / "pages", tmp_path / "content" / "pages")
    assert main(["build", "--seeds", str(tmp_path / "seeds"), "--content",
                 str(tmp_path / "content"), "--output", str(tmp_path / "output"),
                 "--settings", str(ROOT / "pelicanconf.py")]) == 0
    out = tmp_path / "output"
    (page,) = (out / "cases").glob("*/index.html")
    html = page.read_text(encoding="utf-8")
    assert html.count('class="step ') >= 4 and "#s" in html
    assert (out / "cases" / "index.html").is_file()
    for article in (out / "articles").glob("*/index.html"):
        text = article.read_text(encoding="utf-8")
        linked = f"../../cases/{page.parent.name}/" in text
        assert linked == ("embassy" in article.parent.name), article.parent.name


@pytest.mark.parametrize(("pattern", "texts"), [
    (r"\b[A-Z][a-z]+ (?:Embassy|High Commission|Consulate)\b",
     ("consulate", "embassy", "high commission")),
    (r"\b[A-Z][a-z]+ (?:Football|Rugby) Club\b", ("football", "rugby")),
    (r"x(?:foo)+bar?", ("foo",)),
    (r"(?:foo)?barbaz", ("barbaz",)),
    (r"Em(?i:bassy)", None),  # too short outside the case-blind part
    (r"(?i)Embassy", None),
    (r"[A-Z][a-z]+", None),
])
def test_texts_every_match_contains_are_found(pattern, texts) -> None:
    import re

    from breachwatch.cases.rules import required_texts

    assert required_texts(re.compile(pattern)) == texts
