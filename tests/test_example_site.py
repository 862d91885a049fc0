"""The generator builds a second investigation (examples/health-records) from its own settings
and data files alone: its pages, feeds, search, open data and charts, and none of the police
site's words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

# What each invented seed reports, as its writer meant it: the statuses the pipeline must find.
EXPECTED_STATUS = {
    "001": "proven", "002": "proven", "003": "proven", "004": "proven", "005": "proven",
    "006": "statistics", "007": "alleged", "008": "alleged", "009": "not-proven",
    "010": "not-proven", "011": "proven", "012": "proven", "013": "not-proven",
}
POLICE_WORDS = re.compile(
    r"\b(police|policing|forces?|officers?|constabular\w*|IOPC|Met)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def out(example_build) -> Path:
    """The example site's output folder."""
    return example_build["output"]


@pytest.fixture(scope="module")
def records(out: Path) -> list[dict]:
    """The example's open data, one record per article."""
    return json.loads((out / "data" / "articles.json").read_text(encoding="utf-8"))


def _declared(example_build) -> dict[str, dict]:
    """The example's taxonomies by how they are extracted."""
    data = yaml.safe_load((example_build["data"] / "taxonomies.yaml").read_text())
    return {entry["extract"]: entry for entry in data["taxonomies"]}


def test_every_seed_becomes_an_article_with_the_status_it_reports(records) -> None:
    found = {record["seed"][:3]: record["status"] for record in records}
    assert found == EXPECTED_STATUS


def test_each_taxonomy_has_its_index_term_pages_and_feeds(example_build, out, records) -> None:
    for kind, taxonomy in _declared(example_build).items():
        name = taxonomy["name"]
        index = (out / name / "index.html").read_text(encoding="utf-8")
        assert f"<h1>{taxonomy['title']}</h1>" in index, kind
        tagged = {slug for record in records for slug in record[name]}
        assert tagged, f"no article tagged with any {name}"
        for slug in tagged:
            page = (out / name / slug / "index.html").read_text(encoding="utf-8")
            assert taxonomy["title"] in page  # the kicker back to the index
            assert (out / "feeds" / name / f"{slug}.atom.xml").is_file()


def test_open_data_uses_the_investigation_fields_and_its_schema(example_build, out,
                                                                 records) -> None:
    entity = _declared(example_build)["entities"]["name"]
    assert entity != "forces" and all(entity in r and "forces" not in r for r in records)
    schema = json.loads((out / "data" / "articles.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(records, schema)
    assert (out / "data" / "breachwatch.sqlite").is_file()


def test_search_index_and_charts_are_built(out: Path) -> None:
    assert (out / "pagefind" / "pagefind.js").is_file()
    assert "<svg" in (out / "data" / "index.html").read_text(encoding="utf-8")


def test_home_page_speaks_the_investigation_words(example_build, out: Path) -> None:
    home = (out / "index.html").read_text(encoding="utf-8")
    for taxonomy in _declared(example_build).values():
        assert f"<h2>{taxonomy['browse']}</h2>" in home
        assert taxonomy["nav"] in home


def test_no_page_or_file_carries_the_police_site_words(out: Path) -> None:
    found = []
    for path in sorted(out.rglob("*")):
        shown = path.suffix in {".html", ".xml", ".json", ".csv", ".txt"}
        if shown and "pagefind" not in path.parts:
            for match in POLICE_WORDS.finditer(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(out)}: {match.group(0)}")
    assert found == []


def test_plain_pelican_over_the_ingested_content_makes_the_same_pages(example_build,
                                                                       tmp_path: Path) -> None:
    import subprocess
    import sys

    plain = tmp_path / "plain"
    done = subprocess.run(
        [sys.executable, "-m", "pelican", str(example_build["content"]),
         "-s", str(example_build["settings"]), "-o", str(plain)],
        capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    built = example_build["output"]
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html")
                   if not {"pagefind", "sources"} & set(p.relative_to(built).parts))
    assert len(pages) > 30
    assert [p for p in pages if (plain / p).read_bytes() != (built / p).read_bytes()] == []
