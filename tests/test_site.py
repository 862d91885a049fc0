"""End to end: seeds -> ingest -> Pelican -> the pages and files other tools rely on."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from breachwatch.cli import main
from breachwatch.ingest.clean import strip_boilerplate
from breachwatch.ingest.read import read_seed
from breachwatch.sentences import normalise_space, split_sentences

EXPECTED = {
    "000": {
        "forces": ["metropolitan-police-service"],
        "breaches": {"disclosure-to-third-party", "improper-relationship", "unauthorised-access"},
        "status": "alleged",
    },
    "001": {
        "forces": ["metropolitan-police-service"],
        "breaches": {"disclosure-to-third-party", "improper-relationship", "unauthorised-access"},
        "status": "proven",
    },
    "002": {
        "forces": ["metropolitan-police-service"],
        "breaches": {"improper-relationship", "personal-device"},
        "status": "proven",
    },
    "003": {
        "forces": ["metropolitan-police-service"],
        "breaches": {
            "leak-to-criminals", "selling-information", "leak-to-media", "social-media",
            "misuse-of-systems", "unauthorised-access", "data-loss",
        },
        "status": "statistics",
    },
    "004": {
        "forces": ["metropolitan-police-service", "west-midlands-police", "surrey-police"],
        "breaches": {
            "leak-to-criminals", "unauthorised-access", "disclosure-to-third-party",
            "social-media",
        },
        "status": "statistics",
    },
}

NEW_ARTICLE = """Officer sacked for looking up ex-partner

A Greater Manchester Police constable who searched police systems for information about his
former partner has been dismissed without notice.

A misconduct panel found that PC Smith accessed records 14 times without a policing purpose
between May and July 2022. The hearing concluded on Friday 10 March 2023.

GMP's head of professional standards said the officer had breached the standards of
professional behaviour relating to confidentiality and discreditable conduct.
"""


class _Text(HTMLParser):
    """Visible text of a page: everything outside script, style and head."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in {"script", "style", "head"}:
            self._skip += 1

    def handle_endtag(self, tag) -> None:
        if tag in {"script", "style", "head"}:
            self._skip -= 1

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def visible_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return normalise_space(" ".join(parser.parts))


def project_copy(tmp: Path, seeds: Path = SEEDS) -> dict[str, Path]:
    """Seeds, content pages and an empty output folder in a temp dir."""
    shutil.copytree(seeds, tmp / "seeds")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    return {"seeds": tmp / "seeds", "content": tmp / "content", "output": tmp / "output"}


def build(dirs: dict[str, Path]) -> int:
    return main([
        "build", "--seeds", str(dirs["seeds"]), "--content", str(dirs["content"]),
        "--output", str(dirs["output"]), "--settings", str(ROOT / "pelicanconf.py"),
    ])


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    dirs = project_copy(tmp_path_factory.mktemp("site"))
    assert build(dirs) == 0
    records = json.loads((dirs["output"] / "data" / "articles.json").read_text())
    return dirs, {record["seed"][:3]: record for record in records}


def test_one_article_per_seed_with_required_fields(site) -> None:
    _, records = site
    assert sorted(records) == ["000", "001", "002", "003", "004"]
    required = {"slug", "title", "url", "date", "date_basis", "publisher", "seed", "forces",
                "breaches", "outcomes", "standards", "status"}
    for record in records.values():
        assert required <= set(record)
        # A guessed date is not shown: null, with the clue in date_basis.
        if record["date_confidence"] in ("low", "none"):
            assert record["date"] is None and record["date_basis"]
        else:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", record["date"])
        assert not record["url"].startswith(("/", "http"))


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_forces_breaches_status(site, prefix: str) -> None:
    _, records = site
    record, expected = records[prefix], EXPECTED[prefix]
    assert sorted(record["forces"]) == sorted(expected["forces"])
    assert set(record["breaches"]) >= expected["breaches"]
    assert record["status"] == expected["status"]


def test_contract_pages_and_feeds_exist(site) -> None:
    dirs, records = site
    out = dirs["output"]
    assert (out / "forces" / "index.html").is_file()
    assert (out / "breaches" / "index.html").is_file()
    assert (out / "feeds" / "all.atom.xml").is_file()
    forces = {slug for record in records.values() for slug in record["forces"]}
    breaches = {slug for record in records.values() for slug in record["breaches"]}
    for slug in forces:
        assert (out / "forces" / slug / "index.html").is_file(), slug
        assert (out / "feeds" / "forces" / f"{slug}.atom.xml").is_file(), slug
    for slug in breaches:
        assert (out / "breaches" / slug / "index.html").is_file(), slug
        assert (out / "feeds" / "breaches" / f"{slug}.atom.xml").is_file(), slug
    for record in records.values():
        assert (out / record["url"] / "index.html").is_file()


def test_force_index_lists_counts(site) -> None:
    dirs, _ = site
    text = visible_text(dirs["output"] / "forces" / "index.html")
    assert re.search(r"Metropolitan Police Service\D{0,40}\b5\b", text)
    assert "City of London Police" not in text


def test_breach_page_shows_its_definition(site) -> None:
    dirs, _ = site
    from breachwatch.extract.breaches import load_breach_types

    definition = load_breach_types()["personal-device"].definition
    text = visible_text(dirs["output"] / "breaches" / "personal-device" / "index.html")
    assert normalise_space(definition) in text


def test_article_page_shows_metadata_linked(site) -> None:
    dirs, records = site
    page = (dirs["output"] / records["002"]["url"] / "index.html").read_text()
    assert 'href="../../forces/metropolitan-police-service/"' in page
    assert 'href="../../breaches/personal-device/"' in page
    text = visible_text(dirs["output"] / records["002"]["url"] / "index.html")
    assert "Proven" in text
    # seeds/sources.csv names the original: credited, linked, and its date said to come from it
    assert "Originally published by" in text and "Date as our source list records it" in text
    assert 'href="https://misconduct999.com/' in page and "Read the original" in text
    assert '"isBasedOn": "https://misconduct999.com/' in page


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_article_sentence_reaches_the_reader(site, prefix: str) -> None:
    dirs, records = site
    record = records[prefix]
    text = visible_text(dirs["output"] / record["url"] / "index.html")
    raw, _ = read_seed(SEEDS / record["seed"])
    kept, dropped = strip_boilerplate(raw)
    for line in kept:
        for sentence in split_sentences(line):
            assert normalise_space(sentence) in text, sentence
    # Whatever was dropped is boilerplate by a named rule, never article text.
    assert all(d.rule for d in dropped)


def test_censored_slur_keeps_its_asterisks(site) -> None:
    dirs, records = site
    page = (dirs["output"] / records["003"]["url"] / "index.html").read_text()
    assert "damn n*****s" in page
    assert "<em>" not in page


def test_new_seed_naming_another_force_gets_its_page_and_feed(tmp_path) -> None:
    dirs = project_copy(tmp_path)
    (dirs["seeds"] / "900_new_article.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    assert build(dirs) == 0
    out = dirs["output"]
    assert (out / "forces" / "greater-manchester-police" / "index.html").is_file()
    assert (out / "feeds" / "forces" / "greater-manchester-police.atom.xml").is_file()
    text = visible_text(out / "forces" / "greater-manchester-police" / "index.html")
    assert "Officer sacked for looking up ex-partner" in text


def test_unknown_force_in_hand_edited_article_fails_with_suggestion(tmp_path, capsys) -> None:
    dirs = project_copy(tmp_path)
    assert build(dirs) == 0
    before = sorted(p.relative_to(dirs["output"]) for p in dirs["output"].rglob("*"))
    article = next((dirs["content"] / "articles").glob("met-officer-fed*.md"))
    text = article.read_text().replace("Forces: metropolitan-police-service",
                                       "Forces: metropolitan-police-servise")
    article.write_text(text)
    assert build(dirs) == 2
    err = capsys.readouterr().err
    assert article.name in normalise_space(err)
    assert "forces" in err and "did you mean 'metropolitan-police-service'" in err
    assert sorted(p.relative_to(dirs["output"]) for p in dirs["output"].rglob("*")) == before


def test_editor_correction_survives_reingest(tmp_path) -> None:
    dirs = project_copy(tmp_path)
    (dirs["content"] / "corrections").mkdir(parents=True)
    stem = next(SEEDS.glob("001_*.txt")).stem
    (dirs["content"] / "corrections" / f"{stem}.yaml").write_text(
        "date: 2023-10-06\npublisher: Independent Office for Police Conduct\n"
        "note: Confirmed from the IOPC website.\n"
    )
    for _ in range(2):
        assert build(dirs) == 0
    records = json.loads((dirs["output"] / "data" / "articles.json").read_text())
    record = next(r for r in records if r["seed"].startswith("001"))
    assert record["date"] == "2023-10-06"
    assert record["publisher"] == "Independent Office for Police Conduct"
    assert set(record["corrected_fields"]) == {"date", "publisher"}


def test_hand_edited_article_is_kept_on_reingest(tmp_path) -> None:
    dirs = project_copy(tmp_path)
    main(["ingest", "--seeds", str(dirs["seeds"]), "--content", str(dirs["content"])])
    article = next((dirs["content"] / "articles").glob("met-officer-fed*.md"))
    edited = article.read_text() + "\nAn editor's added paragraph.\n"
    article.write_text(edited)
    main(["ingest", "--seeds", str(dirs["seeds"]), "--content", str(dirs["content"])])
    assert article.read_text() == edited


def test_a_content_folder_not_yet_made_is_made_by_the_build(tmp_path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    dirs = {"seeds": tmp_path / "seeds", "content": tmp_path / "new" / "content",
            "output": tmp_path / "output"}
    assert build(dirs) == 0
    built = list((dirs["output"] / "articles").glob("*/index.html"))
    assert len(built) == len(list(SEEDS.glob("*.txt")))


UNDATED = """Constable given final written warning over records searches

A Gwent Police constable has been given a final written warning after a misconduct hearing found
he had looked up a neighbour on police systems without a policing purpose.

The hearing was told the constable ran the searches on four occasions.
"""


def test_an_undated_article_shows_no_placeholder_date_anywhere(tmp_path) -> None:
    dirs = project_copy(tmp_path)
    (dirs["seeds"] / "zz_undated.txt").write_text(UNDATED, encoding="utf-8")
    guessed = UNDATED.replace("Constable given", "Sergeant given").replace(
        "four occasions.", "four occasions in March 2021.")
    (dirs["seeds"] / "zz_guessed.txt").write_text(guessed, encoding="utf-8")
    assert build(dirs) == 0
    records = json.loads((dirs["output"] / "data" / "articles.json").read_text())
    (record,) = [r for r in records if r["seed"] == "zz_undated.txt"]
    assert record["date"] is None and record["date_confidence"] == "none"
    assert "Date unknown" in visible_text(dirs["output"] / record["url"] / "index.html")
    # A month the text mentions is a clue, not a publication date.
    (clue,) = [r for r in records if r["seed"] == "zz_guessed.txt"]
    assert clue["date"] is None and clue["date_confidence"] == "low"
    text = visible_text(dirs["output"] / clue["url"] / "index.html")
    assert "Date unknown" in text and "the nearest clue in the text: “March 2021”" in text
    for path in dirs["output"].rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv"}:
            assert "1970" not in path.read_text(encoding="utf-8"), path
