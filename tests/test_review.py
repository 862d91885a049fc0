"""The editor's check: doubtful verdicts hold an article out of the published site until an
editor confirms it; missing facts only queue it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hostile.pages import unreviewed_settings
from test_site import ROOT, build, project_copy

from breachwatch.cli import main
from breachwatch.datafiles import DATA_DIR, DATA_ENV, DataFileError
from breachwatch.extract.evidence import Evidence
from breachwatch.review import (
    accept,
    as_json,
    describe_held,
    load_rules,
    review_reasons,
    with_review,
)

# Our own text, shaped like a real report whose headline and body disagree.
CONFLICTING = """Sergeant cleared of misconduct over database searches

A Norfolk Constabulary sergeant was dismissed without notice after a misconduct panel found he
had looked up a neighbour on police systems without a policing purpose.

The panel heard he ran the searches on nine occasions over two months.
"""
SLUG = "sergeant-cleared-of-misconduct-over-database-searches"


def metadata(**fields) -> dict:
    base = {"case_status": "proven", "outcomes": [], "forces": ["norfolk-constabulary"],
            "breaches": ["unauthorised-access"], "date_confidence": "high",
            "publisher": "Example News"}
    return {**base, **fields}


def test_outcome_that_only_follows_a_finding_conflicts_with_not_proven() -> None:
    reasons = review_reasons(metadata(case_status="not-proven", outcomes=["dismissed"]), {})
    assert reasons == ["hold: outcome dismissed is reported but the status is not-proven"]


def test_extractor_doubts_hold_only_for_tags_still_given() -> None:
    doubted = {"forces": [Evidence("essex-police", "Essex 98; Kent 57.", "area-name")]}
    assert review_reasons(metadata(forces=["essex-police"]), doubted) == [
        "hold: force essex-police found only by a bare area name (in a list of figures or "
        "beside its people)"]
    assert review_reasons(metadata(forces=["kent-police"]), doubted) == []


def test_missing_facts_only_queue() -> None:
    found = with_review(metadata(date_confidence="none", publisher="unknown", forces=[],
                                 case_status="statistics"), {})
    assert found["review"] == ["queue: date confidence is none", "queue: publisher unknown",
                               "queue: no police force found"]
    assert "held" not in found


def test_a_single_case_naming_no_force_holds() -> None:
    found = with_review(metadata(forces=[], case_status="alleged"), {})
    assert found["review"] == ["hold: no police force found for a single case"]
    assert found["held"] is True


def test_an_editors_correction_or_confirmation_lifts_the_hold() -> None:
    doubted = {"case_status": [Evidence("proven", "He was sacked.", "one-cue")]}
    assert with_review(metadata(), doubted)["held"] is True
    assert "held" not in with_review(metadata(reviewed=True), doubted)
    corrected = with_review(metadata(corrected=["case_status"]), doubted)
    assert "held" not in corrected and "review" not in corrected


def test_accept_records_reviewed_and_keeps_the_correction(tmp_path: Path) -> None:
    path = tmp_path / "corrections" / "a.yaml"
    path.parent.mkdir()
    path.write_text("# checked against the original\nforces: [norfolk-constabulary]\n")
    assert accept(path) is True
    assert path.read_text() == ("# checked against the original\nforces: [norfolk-constabulary]"
                                "\nreviewed: true\n")
    assert accept(path) is False


def test_json_contract_fields() -> None:
    (record,) = json.loads(as_json([{**metadata(), "seed": "a.txt", "slug": "a", "title": "A",
                                     "date": "2022-01-01", "held": True}], False))
    assert set(record) == {"seed", "slug", "title", "date", "date_confidence", "publisher",
                           "forces", "breaches", "outcomes", "status", "review", "reviewed",
                           "published"}
    assert record["published"] is False and record["reviewed"] is False


@pytest.fixture(scope="module")
def held_site(tmp_path_factory):
    dirs = project_copy(tmp_path_factory.mktemp("held"))
    (dirs["seeds"] / "zz_conflicting.txt").write_text(CONFLICTING, encoding="utf-8")
    assert build(dirs) == 0
    return dirs


def every_file_text(folder: Path) -> str:
    return "\n".join(p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file()
                     and p.suffix != ".sqlite")


def test_held_article_leaves_no_trace_on_the_published_site(held_site) -> None:
    text = every_file_text(held_site["output"])
    for trace in (SLUG, "Sergeant cleared of misconduct", "zz_conflicting"):
        assert trace not in text
    sqlite = (held_site["output"] / "data" / "breachwatch.sqlite").read_bytes()
    assert SLUG.encode() not in sqlite


def test_review_json_lists_every_article_and_accept_publishes(held_site, capsys) -> None:
    args = ["--seeds", str(held_site["seeds"]), "--content", str(held_site["content"]),
            "--settings", str(ROOT / "pelicanconf.py")]
    assert main(["review", "--json", *args]) == 0
    records = {r["seed"]: r for r in json.loads(capsys.readouterr().out)}
    assert len(records) == 6
    held = records["zz_conflicting.txt"]
    assert held["published"] is False and held["reviewed"] is False
    assert any(reason.startswith("hold: ") for reason in held["review"])
    assert main(["review", "accept", SLUG, *args]) == 0
    assert build(held_site) == 0
    page = held_site["output"] / "articles" / SLUG / "index.html"
    assert page.is_file() and "Not checked by an editor" not in page.read_text()


def test_publish_unreviewed_shows_a_notice(tmp_path: Path) -> None:
    dirs = project_copy(tmp_path)
    (dirs["seeds"] / "zz_conflicting.txt").write_text(CONFLICTING, encoding="utf-8")
    settings = unreviewed_settings(tmp_path)
    assert main(["build", "--seeds", str(dirs["seeds"]), "--content", str(dirs["content"]),
                 "--output", str(dirs["output"]), "--settings", str(settings),
                 "--no-search"]) == 0
    page = dirs["output"] / "articles" / SLUG / "index.html"
    assert "Not checked by an editor" in page.read_text()
    assert (dirs["output"] / "sources" / "zz_conflicting.txt").is_file()


def test_the_listing_gives_each_reason_its_sentence() -> None:
    body = ["He was cleared at a hearing.", "He was later dismissed."]
    evidence = {"case_status": [Evidence("not-proven", body[0], "conflict")],
                "outcomes": [Evidence("dismissed", body[1])]}
    meta = metadata(case_status="not-proven", outcomes=["dismissed"])
    lines = describe_held("a-slug", "a.txt", meta, evidence, body)
    assert lines == [
        "a-slug  (a.txt)",
        "  hold: status not-proven: the text also reports a decision the other way",
        "    evidence (s1): He was cleared at a hearing.",
        "  hold: outcome dismissed is reported but the status is not-proven",
        "    evidence (s2): He was later dismissed.",
    ]


def test_a_case_status_doubted_for_its_figures_holds() -> None:
    doubted = {"case_status": [Evidence("proven", "It came to light after an FOI request.",
                                        "figures")]}
    found = with_review(metadata(), doubted)
    assert found["held"] is True
    assert found["review"] == [
        "hold: status proven: the article cites figures from a freedom of information answer "
        "or a data release and may report aggregates"]


def test_reflective_practice_reported_with_an_allegation_only_holds() -> None:
    reasons = review_reasons(metadata(case_status="alleged", outcomes=["reflective-practice"]),
                             {})
    assert reasons == ["hold: outcome reflective-practice is reported but the status is alleged"]
    assert review_reasons(metadata(case_status="not-proven",
                                   outcomes=["reflective-practice"]), {}) == []


def test_every_doubt_an_extractor_gives_needs_a_rule(tmp_path: Path, monkeypatch) -> None:
    data = shutil.copytree(DATA_DIR, tmp_path / "data")
    text = (data / "review.yaml").read_text(encoding="utf-8")
    rule = "    doubt: investigating\n"
    assert rule in text
    (data / "review.yaml").write_text(text.replace(rule, "    doubt: investigated\n"),
                                      encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(data))
    load_rules.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"review.yaml.*forces doubt\(s\) investigating"):
            load_rules()
    finally:
        monkeypatch.undo()
        load_rules.cache_clear()


def test_a_build_ends_saying_how_many_articles_are_held_even_none(tmp_path: Path, capsys) -> None:
    dirs = project_copy(tmp_path)
    assert build(dirs) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("0 article(s) held for an editor's check")
    assert "python -m breachwatch review" in last
