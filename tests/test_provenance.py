"""seeds/sources.csv: each bad row is reported by line and left out; stated dates win in order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from breachwatch.ingest.article import ingest_text
from breachwatch.ingest.provenance import SourceRow, load_sources, published_date

TODAY = date(2026, 11, 24)
HEADER = "seed,url,publisher,published\n"
# A short release shaped like a force's: its own date line, and a hearing date in the body.
RELEASE = """Constable sacked for looking up a neighbour on police systems

Published: 9 March 2022

A constable was dismissed without notice at a misconduct hearing on Monday 7 March 2022.
The panel found gross misconduct proven. A second hearing will be held on 4 April 2022.
"""


def write_sources(folder: Path, rows: str) -> dict[str, SourceRow]:
    (folder / "sources.csv").write_text(HEADER + rows, encoding="utf-8")
    found, problems = load_sources(folder, {"a.txt", "b.txt"})
    write_sources.problems = problems  # type: ignore[attr-defined]
    return found


def test_good_rows_are_read(tmp_path: Path) -> None:
    rows = write_sources(tmp_path, "a.txt,https://www.example.co.uk/n/1,Example News,2022-03-09\n"
                                   "b.txt,,,\n")
    assert rows["a.txt"] == SourceRow("https://www.example.co.uk/n/1", "Example News", "2022-03-09")
    assert rows["b.txt"] == SourceRow()
    assert write_sources.problems == []  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("row", "message", "kept"),
    [
        ("c.txt,https://a.example/x,,\n", "line 2: unknown seed file 'c.txt'", None),
        ("a.txt,ftp://a.example/x,,2022\n", "line 2: url 'ftp://a.example/x' must start with",
         SourceRow("", "", "2022")),
        ("a.txt,https://nohost/x,,\n", "has no valid host name", SourceRow()),
        ("a.txt,,X,2022-13-01\n", "line 2: published '2022-13-01' is not a date",
         SourceRow("", "X", "")),
        ("a.txt,,X,9 March 2022\n", "is not a date like 2023-10-06", SourceRow("", "X", "")),
        (",https://a.example/x,,\n", "line 2: no seed file named", None),
    ],
)
def test_each_bad_cell_or_row_is_reported_by_line(tmp_path: Path, row: str, message: str,
                                                  kept: SourceRow | None) -> None:
    rows = write_sources(tmp_path, row)
    (problem,) = write_sources.problems  # type: ignore[attr-defined]
    assert str(tmp_path / "sources.csv") in problem
    assert message in problem
    assert rows.get("a.txt") == kept


def test_a_duplicate_row_is_reported_and_the_first_kept(tmp_path: Path) -> None:
    rows = write_sources(tmp_path, "a.txt,,First,\na.txt,,Second,\n")
    assert rows["a.txt"].publisher == "First"
    (problem,) = write_sources.problems  # type: ignore[attr-defined]
    assert "line 3: duplicate row for 'a.txt' (first on line 2)" in problem


def test_a_wrong_header_uses_no_rows(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text("file,link\na.txt,https://a.example/\n")
    rows, problems = load_sources(tmp_path, {"a.txt"})
    assert rows == {}
    assert "missing seed, url, publisher, published" in problems[0]


def test_no_file_means_no_rows(tmp_path: Path) -> None:
    assert load_sources(tmp_path, {"a.txt"}) == ({}, [])


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("2022-03-09", (date(2022, 3, 9), "day")), ("2022-03", (date(2022, 3, 1), "month")),
     ("2022", (date(2022, 1, 1), "year")), ("2022-02-30", None), ("22-03-09", None)],
)
def test_published_cells(cell: str, expected: tuple | None) -> None:
    assert published_date(cell) == expected


def dated(source: SourceRow | None) -> tuple[str, str]:
    metadata = ingest_text(RELEASE, Path("a.txt"), TODAY, source).metadata
    return metadata["date"], metadata["date_rule"]


def test_date_precedence_sources_csv_first() -> None:
    source = SourceRow("https://www.example.co.uk/news/2021/05/20/x/", "", "2022-03-10")
    assert dated(source) == ("2022-03-10", "source-list")


def test_date_precedence_then_the_web_address() -> None:
    source = SourceRow("https://www.example.co.uk/news/2022/03/10/constable-sacked/")
    assert dated(source) == ("2022-03-10", "url")


def test_date_precedence_then_the_date_line() -> None:
    assert dated(SourceRow("https://www.example.co.uk/news/constable-sacked-20110512")) == (
        "2022-03-09", "dateline")  # a number ending the slug is an id, not a date
    assert dated(None) == ("2022-03-09", "dateline")


def test_date_precedence_last_the_text() -> None:
    text = RELEASE.replace("Published: 9 March 2022\n", "")
    metadata = ingest_text(text, Path("a.txt"), TODAY).metadata
    assert (metadata["date"], metadata["date_rule"]) == ("2022-03-07", "latest-dated-event")


def test_source_url_is_kept_and_the_publisher_listed_wins() -> None:
    source = SourceRow("https://www.bbc.co.uk/news/uk-1", "Example Weekly", "")
    metadata = ingest_text(RELEASE, Path("a.txt"), TODAY, source).metadata
    assert metadata["source_url"] == "https://www.bbc.co.uk/news/uk-1"
    assert metadata["publisher"] == "Example Weekly"


def test_web_address_dates_of_other_shapes() -> None:
    from breachwatch.extract.dates import date_from_url

    stamp = date_from_url("https://news.example.net/articles/Force+fined+03052019104500?open")
    assert (stamp.date, stamp.precision) == (date(2019, 5, 3), "day")
    archive = date_from_url("https://records.example.org/Commons/1989-11-02/debates/a1b2")
    assert archive.date == date(1989, 11, 2)  # an archive may date a page before the web
    assert date_from_url("https://news.example.org/n/19890305/x") is None  # an id, not a date


def test_a_disclosure_logs_request_number_gives_the_year() -> None:
    from breachwatch.extract.dates import date_from_url

    found = date_from_url("https://foi.example.police.uk/discipline-records-foi-3187_19/")
    assert (found.date.year, found.precision, found.confidence) == (2019, "year", "medium")
    # Only on a disclosure log: elsewhere a number ending a slug is an id.
    assert date_from_url("https://news.example.co.uk/officer-sacked-3187_19/") is None
