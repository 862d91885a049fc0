"""Open data beside articles.json: CSV, figures, cases, JSON Schemas, SQLite and a data page.

Every file is written from the same records, sorted, without timestamps, so two builds of
the same content are byte-identical and CSV and SQLite always equal the JSON.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from breachwatch.datafiles import data_dir, require
from breachwatch.plugins.cases import case_record
from breachwatch.plugins.export import article_record, write_json
from breachwatch.plugins.figures import figure_record
from breachwatch.settings import Setting, declare
from breachwatch.speed.parallel_writer import in_background
from breachwatch.taxonomy import names

declare(
    Setting("DATA_PAGE_URL", "data/", "the open data page's URL", (str,)),
    Setting("DATA_PAGE_SAVE_AS", "data/index.html", "where the open data page is written", (str,)),
    Setting("DATA_SQLITE", "breachwatch.sqlite", "file name of the SQLite database of all tables",
            (str,)),
    Setting("DATA_PAGE_FIGURES", 200, "figures listed on the data page (files hold all)", (int,)),
    Setting("DATA_PAGE_ARTICLES_PER_OUTCOME", 25, "articles listed per outcome on the data page",
            (int,)),
    Setting("DATA_LICENCE", "", "the open data's licence, in a sentence or two", (str,)),
)


TABLES = ("articles", "figures", "cases")
LIST_SEPARATOR = ";"


def load_schema(table: str) -> dict[str, Any]:
    """The JSON Schema of one table, from the investigation's data folder (schemas/)."""
    return json.loads((data_dir() / "schemas" / f"{table}.schema.json").read_text(encoding="utf-8"))


def check_taxonomy_columns(schema: dict[str, Any]) -> None:
    """Fail, naming the file, when the articles schema lacks a column for a declared taxonomy:
    the open data would not match its own published schema."""
    properties = schema.get("items", {}).get("properties", {})
    missing = [name for name in names() if name not in properties]
    require(not missing, "schemas/articles.schema.json",
            f"no column for the taxonomies {missing} that taxonomies.yaml declares")


def columns(table: str) -> list[str]:
    """Column order of a table: the order of its schema's properties."""
    if table == "case_steps":
        step = load_schema("cases")["items"]["properties"]["steps"]["items"]
        return ["case", "position", *step["properties"]]
    return list(load_schema(table)["items"]["properties"])


def flat_value(value: Any) -> Any:
    """A JSON value as one CSV or SQLite cell: lists joined by ';', objects as JSON."""
    if isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return LIST_SEPARATOR.join(value)
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


# A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """One CSV cell; text a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    value = flat_value(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(table: str, records: list[dict[str, Any]]) -> str:
    """CSV with a header row in schema order; empty cell for null."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    names = columns(table)
    writer.writerow(names)
    for record in records:
        writer.writerow([csv_cell(record[n]) for n in names])
    return buffer.getvalue()


def step_rows(cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Timeline steps as rows of their own table, numbered within each case."""
    return [
        {"case": case["slug"], "position": position, **step}
        for case in cases
        for position, step in enumerate(case["steps"], start=1)
    ]


def write_sqlite(path: Path, tables: dict[str, list[dict[str, Any]]]) -> None:
    """One SQLite file, a table per record list, columns in schema order."""
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        with connection:
            for table, records in tables.items():
                names = columns(table)
                quoted = ", ".join(f'"{name}"' for name in names)
                connection.execute(f'CREATE TABLE "{table}" ({quoted})')
                connection.executemany(
                    f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in names)})',
                    [[flat_value(record[name]) for name in names] for record in records],
                )
    finally:
        connection.close()


def data_records(context: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every open-data table as records, in a fixed order."""
    return {
        "articles": [article_record(a) for a in context.get("articles", [])],
        "figures": [figure_record(f) for f in context.get("figures", [])],
        "cases": [case_record(c) for c in context.get("cases", [])],
    }


def write_data_files(out: Path, context: dict[str, Any], settings: dict[str, Any]) -> None:
    """Every open-data file but articles.json (the export plugin's) into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    tables = data_records(context)
    for table, records in tables.items():
        if table != "articles":
            write_json(out / f"{table}.json", records)
        if table != "cases":  # nested steps: cases are JSON and SQLite only
            (out / f"{table}.csv").write_text(csv_text(table, records), encoding="utf-8")
        write_json(out / f"{table}.schema.json", load_schema(table))
    write_sqlite(out / settings["DATA_SQLITE"],
                 {**tables, "case_steps": step_rows(tables["cases"])})


class OpenDataGenerator(Generator):
    """Writes data/*.csv, figures.json, cases.json, schemas, breachwatch.sqlite, data page."""

    # Run first (breachwatch/build.py): the files are written while other generators work.
    writes_in_background = True

    def generate_context(self) -> None:
        """Publish the schemas so the data page can explain every field."""
        self.context["data_schemas"] = {table: load_schema(table) for table in TABLES}
        check_taxonomy_columns(self.context["data_schemas"]["articles"])

    def generate_output(self, writer) -> None:
        """Write the files (in a process of their own when the writer can), then the data
        page that describes them."""
        out = Path(self.output_path) / "data"
        in_background(writer, "open data", write_data_files, out, self.context, self.settings)
        writer.write_file(self.settings["DATA_PAGE_SAVE_AS"], self.get_template("data"),
                          self.context, relative_urls=self.settings["RELATIVE_URLS"],
                          url=self.settings["DATA_PAGE_URL"], template_name="data")


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return OpenDataGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(get_generators)
