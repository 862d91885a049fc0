"""Where each seed came from: seeds/sources.csv, filled by editors as they collect articles.

Columns `seed,url,publisher,published`; every cell but `seed` may be empty. A bad row or cell
is reported naming the row and left out, and the article is still built from its text.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

SOURCES_NAME = "sources.csv"
COLUMNS = ("seed", "url", "publisher", "published")
# A published cell may give a day, a month or only a year.
_PUBLISHED = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?")


@dataclass(frozen=True)
class SourceRow:
    """What an editor recorded of one seed's original; empty text where unknown."""

    url: str = ""
    publisher: str = ""
    published: str = ""  # YYYY-MM-DD, YYYY-MM or YYYY, as checked by `published_date`


def published_date(cell: str) -> tuple[date, str] | None:
    """The date a `published` cell gives and its precision (day, month, year), or None."""
    match = _PUBLISHED.fullmatch(cell)
    if not match:
        return None
    year, month, day = int(match["y"]), int(match["m"] or 1), int(match["d"] or 1)
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    precision = "day" if match["d"] else "month" if match["m"] else "year"
    return when, precision


def url_problem(url: str) -> str | None:
    """Why a URL cell cannot be a link to an original page, or None when it can."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        return f"url '{url}' must start with http:// or https://"
    if not parts.hostname or "." not in parts.hostname or any(c.isspace() for c in url):
        return f"url '{url}' has no valid host name"
    return None


def load_sources(seeds_dir: Path, seed_names: set[str]) -> tuple[dict[str, SourceRow], list[str]]:
    """Each seed's source row by seed name, and a warning for every row or cell left out."""
    path = seeds_dir / SOURCES_NAME
    if not path.is_file():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        return {}, [f"{path}: cannot be read ({error}); no source rows used"]
    reader = csv.DictReader(text.splitlines())
    missing = [name for name in COLUMNS if name not in (reader.fieldnames or [])]
    if missing:
        return {}, [f"{path}: the header must be {','.join(COLUMNS)}; "
                    f"missing {', '.join(missing)}; no source rows used"]
    rows: dict[str, SourceRow] = {}
    first_line: dict[str, int] = {}
    problems = []
    for record in reader:
        where = f"{path} line {reader.line_num}"
        cells = {name: (record.get(name) or "").strip() for name in COLUMNS}
        seed = cells["seed"]
        if not seed:
            problems.append(f"{where}: no seed file named; row ignored")
            continue
        if seed not in seed_names:
            problems.append(f"{where}: unknown seed file '{seed}'; row ignored")
            continue
        if seed in rows:
            problems.append(f"{where}: duplicate row for '{seed}' (first on line "
                            f"{first_line[seed]}); row ignored")
            continue
        if cells["url"] and (problem := url_problem(cells["url"])):
            problems.append(f"{where}: {problem}; url left out")
            cells["url"] = ""
        if cells["published"] and published_date(cells["published"]) is None:
            problems.append(f"{where}: published '{cells['published']}' is not a date like "
                            "2023-10-06, 2023-10 or 2023; date left out")
            cells["published"] = ""
        rows[seed] = SourceRow(cells["url"], cells["publisher"], cells["published"])
        first_line[seed] = reader.line_num
    return rows, problems
