"""Open data: write every article's metadata as JSON for data journalists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from breachwatch.schema import SHOWN_CONFIDENCES
from breachwatch.settings import Setting, declare
from breachwatch.speed.parallel_writer import in_background
from breachwatch.taxonomy import names

declare(Setting("DATA_ARTICLES_JSON", "data/articles.json", "where every article's metadata is "
                "written as JSON", (str,)))


def article_record(article: Any) -> dict[str, Any]:
    """The public, stable description of one article (slugs, not display names)."""
    meta = article.metadata
    return {
        "slug": article.slug,
        "title": article.title,
        "url": article.url,
        "date": (article.date.date().isoformat()
                 if meta.get("date_confidence") in SHOWN_CONFIDENCES else None),
        "date_basis": meta.get("date_basis", ""),
        "date_rule": meta.get("date_rule", ""),
        "date_confidence": meta.get("date_confidence", ""),
        "date_precision": meta.get("date_precision", "day"),
        "publisher": meta.get("publisher", "unknown"),
        "source_url": meta.get("source_url") or None,
        "seed": meta.get("seed", ""),
        **{name: [term.slug for term in getattr(article, name)] for name in names()},
        "outcomes": [term.slug for term in article.outcomes],
        "standards": [term.slug for term in article.standards],
        "status": article.case_status.slug if article.case_status else None,
        "case": article.case.slug if getattr(article, "case", None) else None,
        "corrected_fields": sorted(
            item.strip() for item in str(meta.get("corrected", "")).split(",") if item.strip()
        ),
    }


def json_text(data: Any) -> str:
    """JSON with sorted keys, identical between builds; a list has one item per line.

    One compact item per line keeps large tables quick to write (Python's C encoder does not
    indent) and still easy to read and diff.
    """
    if isinstance(data, list) and data:
        items = ",\n".join(json.dumps(item, ensure_ascii=False, sort_keys=True) for item in data)
        return f"[\n{items}\n]\n"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_json(path: Path, data: Any) -> None:
    """Write JSON (see json_text), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json_text(data), encoding="utf-8")


def write_articles(path: Path, articles: list) -> None:
    """Write the article records, newest first, as the site lists them."""
    write_json(path, [article_record(a) for a in articles])


class ExportGenerator(Generator):
    """Writes data/articles.json after the taxonomies are attached."""

    # Run first (breachwatch/build.py): the file is written while other generators work.
    writes_in_background = True

    def generate_context(self) -> None:
        """Nothing to add to the context; records are built at output time."""

    def generate_output(self, writer) -> None:
        """Write articles.json, in a process of its own when the writer can."""
        path = Path(self.output_path) / self.settings["DATA_ARTICLES_JSON"]
        in_background(writer, "articles.json", write_articles, path,
                      self.context.get("articles", []))


def get_generators(pelican) -> type[Generator]:
    """Hand Pelican our generator class."""
    return ExportGenerator


def register() -> None:
    """Pelican plugin entry point."""
    signals.get_generators.connect(get_generators)
