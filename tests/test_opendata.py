"""Open data: files validate against their schemas; CSV and SQLite equal the JSON; builds repeat."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT, SEEDS

from breachwatch.cli import main
from breachwatch.plugins.opendata import (
    FORMULA_STARTS,
    LIST_SEPARATOR,
    columns,
    csv_cell,
    csv_text,
    load_schema,
)

TABLES = ("articles", "figures", "cases")


def build(tmp: Path) -> Path:
    shutil.copytree(SEEDS, tmp / "seeds")
    shutil.copytree(ROOT / "content" / "pages", tmp / "content" / "pages")
    assert main(["build", "--seeds", str(tmp / "seeds"), "--content", str(tmp / "content"),
                 "--output", str(tmp / "output"), "--settings",
                 str(ROOT / "pelicanconf.py")]) == 0
    return tmp / "output"


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("opendata")) / "data"


def load(data: Path, table: str) -> list[dict]:
    return json.loads((data / f"{table}.json").read_text(encoding="utf-8"))


def typed(table: str, name: str, cell, record_value):
    """Read a CSV or SQLite cell back the way the JSON holds it."""
    prop = load_schema(table)["items"]["properties"][name]
    if prop.get("type") == "array":
        if record_value and not all(isinstance(v, str) for v in record_value):
            return json.loads(cell)
        return cell.split(LIST_SEPARATOR) if cell else []
    if cell in ("", None) and record_value is None:
        return None
    kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    if "integer" in kinds:
        return int(cell)
    if "number" in kinds:
        return float(cell)
    return cell


@pytest.mark.parametrize("table", TABLES)
def test_json_validates_against_its_published_schema(data: Path, table: str) -> None:
    schema = json.loads((data / f"{table}.schema.json").read_text())
    assert schema == load_schema(table)
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(load(data, table), schema)


def test_measured_contents(data: Path) -> None:
    figures, cases = load(data, "figures"), load(data, "cases")
    assert len(load(data, "articles")) == 5
    assert len(figures) >= 30
    assert {(f["scope"], f["value"]) for f in figures} >= {
        ("west-midlands-police", 488), ("surrey-police", 202), ("uk", 2315)}
    assert len(cases) == 1 and len(cases[0]["articles"]) == 2
    articles = {a["slug"]: a for a in load(data, "articles")}
    assert {articles[s]["case"] for s in cases[0]["articles"]} == {cases[0]["slug"]}


@pytest.mark.parametrize("table", ("articles", "figures"))
def test_csv_equals_json(data: Path, table: str) -> None:
    records = load(data, table)
    with (data / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == columns(table)
    assert len(rows) == len(records)
    for row, record in zip(rows, records, strict=True):
        assert {n: typed(table, n, unguard(row[n]), record[n]) for n in row} == record


def unguard(cell: str) -> str:
    """A CSV cell without the apostrophe that keeps spreadsheets from running it."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def test_csv_cells_never_start_a_formula() -> None:
    rows = list(csv.reader(io.StringIO(csv_text("articles", [
        {name: None for name in columns("articles")} | {"title": '=HYPERLINK("x")'}
    ]))))
    assert rows[1][columns("articles").index("title")] == "'=HYPERLINK(\"x\")"
    assert csv_cell("-12 officers") == "'-12 officers" and csv_cell(-12) == -12


def test_sqlite_equals_json(data: Path) -> None:
    connection = sqlite3.connect(data / "breachwatch.sqlite")
    connection.row_factory = sqlite3.Row
    for table in TABLES:
        records = load(data, table)
        rows = connection.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
        assert [list(r.keys()) for r in rows[:1]] == [columns(table)]
        assert [{n: typed(table, n, r[n], rec[n]) for n in r.keys()}
                for r, rec in zip(rows, records, strict=True)] == records
    steps = connection.execute("SELECT * FROM case_steps ORDER BY rowid").fetchall()
    expected = [dict(step, case=case["slug"], position=n) for case in load(data, "cases")
                for n, step in enumerate(case["steps"], start=1)]
    assert [dict(r) for r in steps] == expected


def test_data_page_explains_fields_licence_and_citation(data: Path) -> None:
    page = (data / "index.html").read_text(encoding="utf-8")
    for table in TABLES:
        for name in columns(table):
            assert f"<code>{name}</code>" in page
        assert f'href="../data/{table}.schema.json"' in page
    assert "CC BY 4.0" in page and "How to cite" in page and "breachwatch.sqlite" in page


def test_two_builds_are_byte_identical(data: Path, tmp_path: Path) -> None:
    def digests(root: Path) -> dict[str, str]:
        return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(root.rglob("*")) if p.is_file()}

    again = build(tmp_path)
    assert digests(again) == digests(data.parent)


def test_json_lists_have_one_record_per_line_and_parse_back() -> None:
    from breachwatch.plugins.export import json_text

    records = [{"slug": "b", "forces": ["kent-police"]}, {"slug": "a\n", "value": 1.5}]
    text = json_text(records)
    assert text.splitlines() == [
        "[", '{"forces": ["kent-police"], "slug": "b"},', '{"slug": "a\\n", "value": 1.5}', "]"]
    assert json.loads(text) == records
    assert json.loads(json_text([])) == [] and json.loads(json_text({"a": 1})) == {"a": 1}


def test_a_schema_without_a_declared_taxonomy_is_one_clear_error() -> None:
    import pytest

    from breachwatch.datafiles import DataFileError
    from breachwatch.plugins.opendata import check_taxonomy_columns, load_schema

    schema = load_schema("articles")
    check_taxonomy_columns(schema)  # the police site's schema has them all
    del schema["items"]["properties"]["breaches"]
    with pytest.raises(DataFileError, match=r"articles.schema.json: no column for the "
                                            r"taxonomies \['breaches'\]"):
        check_taxonomy_columns(schema)
