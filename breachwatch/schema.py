"""The one definition of an article's metadata: fields, types, vocabularies, validation."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

CONFIDENCES = ("high", "medium", "low", "none")
# A date is shown to readers and in the open data only at these confidences: a guess from
# the events a text mentions is "Date unknown" until an editor or a source states it.
SHOWN_CONFIDENCES = ("high", "medium")
PRECISIONS = ("day", "month", "year")


def _outcomes() -> Collection[str]:
    from breachwatch.extract.outcomes import load_outcomes

    return load_outcomes()


def _standards() -> Collection[str]:
    from breachwatch.extract.standards import load_standards

    return load_standards()


def _statuses() -> Collection[str]:
    from breachwatch.extract.status import load_statuses

    return load_statuses()


@dataclass(frozen=True)
class Field:
    """One metadata field: its Markdown key, kind, and allowed values if it has any."""

    name: str
    kind: str  # text, date, choice, list or flag
    required: bool = True
    vocabulary: Callable[[], Collection[str]] | None = None
    help: str = ""


def _terms(name: str) -> Callable[[], Collection[str]]:
    """The slugs of one declared taxonomy's terms, read from its data file when asked."""

    def terms() -> Collection[str]:
        from breachwatch.taxonomy import load_terms

        return load_terms(name)

    return terms


_BEFORE_TAXONOMIES: tuple[Field, ...] = (
    Field("title", "text", help="Headline as published."),
    Field("slug", "text", help="URL name of the article page."),
    Field("date", "date", help="Publication date (ISO 8601), inferred unless an editor set it."),
    Field("date_basis", "text", help="The phrase of the text the date was inferred from."),
    Field("date_rule", "text", help="Which inference rule produced the date."),
    Field("date_confidence", "choice", vocabulary=lambda: CONFIDENCES, help="high to none."),
    Field("date_precision", "choice", vocabulary=lambda: PRECISIONS, help="day, month, year."),
    Field("publisher", "text", help="Source publisher credited, or 'unknown'."),
    Field("source_url", "text", required=False,
          help="Web address of the original article, from seeds/sources.csv."),
    Field("seed", "text", help="File name of the source text in seeds/."),
)
_AFTER_TAXONOMIES: tuple[Field, ...] = (
    Field("outcomes", "list", required=False, vocabulary=_outcomes, help="Outcomes reported."),
    Field("standards", "list", required=False, vocabulary=_standards, help="Standards at issue."),
    Field("case_status", "choice", vocabulary=_statuses, help="alleged, proven, ... ."),
    Field("corrected", "list", required=False, help="Fields an editor corrected."),
    Field("review", "list", required=False,
          help="Why an editor should check it: 'hold: ...' (doubtful) or 'queue: ...'."),
    Field("held", "flag", required=False, help="Held for an editor's check: not published."),
    Field("reviewed", "flag", required=False, help="An editor confirmed the classification."),
    Field("evidence", "list", required=False,
          help="Each tag's source sentence: field:slug:sN, or field:slug:headline."),
)


@cache
def fields() -> tuple[Field, ...]:
    """Every field, in the order articles write them: the investigation's taxonomies (its
    taxonomies.yaml) sit between the source's fields and the verdict's."""
    from breachwatch.taxonomy import taxonomies

    declared = tuple(Field(t.name, "list", required=False, vocabulary=_terms(t.name),
                           help=f"{t.title} (slugs).") for t in taxonomies())
    return (*_BEFORE_TAXONOMIES, *declared, *_AFTER_TAXONOMIES)


@cache
def fields_by_name() -> dict[str, Field]:
    """Every field by its metadata key."""
    return {field.name: field for field in fields()}


class MetadataError(ValueError):
    """Metadata of one article breaks the schema; the message names file and field."""


def suggest(value: str, allowed: Iterable[str]) -> str:
    """A 'did you mean' hint for a mistyped slug, or an empty string."""
    close = difflib.get_close_matches(value, list(allowed), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def as_list(value: Any) -> list[str]:
    """Read a list field from YAML (a list) or Markdown metadata (comma-separated text)."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [item.strip() for item in value.split(",") if item.strip()]
    return [str(item).strip() for item in value]


def field_errors(name: str, value: Any) -> list[str]:
    """Problems with one field's value, each a readable sentence."""
    field = fields_by_name().get(name)
    if field is None:
        return [f"unknown field '{name}'{suggest(name, fields_by_name())}"]
    if field.kind == "date":
        if isinstance(value, date):
            return []
        try:
            date.fromisoformat(str(value)[:10])
        except ValueError:
            return [f"field 'date': '{value}' is not an ISO date like 2021-01-14"]
        return []
    if field.kind == "flag":
        if value is True or value is False or str(value).lower() in {"true", "false"}:
            return []
        return [f"field '{name}': '{value}' must be true or false"]
    if field.kind == "list":
        values = as_list(value)
    else:
        if not isinstance(value, str | date) or not str(value).strip():
            return [f"field '{name}': must be non-empty text"] if field.required else []
        values = [str(value)]
    if field.vocabulary is None:
        return []
    allowed = field.vocabulary()  # a cached dict or tuple: checked without copying it
    return [
        f"field '{name}': unknown value '{item}'{suggest(item, allowed)}"
        for item in values
        if item not in allowed
    ]


def validate(metadata: dict[str, Any], source: str, *, complete: bool = True) -> None:
    """Raise MetadataError listing every problem in one article's metadata."""
    problems = [
        problem for name, value in metadata.items() for problem in field_errors(name, value)
    ]
    if complete:
        problems += [
            f"missing field '{field.name}'"
            for field in fields()
            if field.required and field.name not in metadata
        ]
    if problems:
        raise MetadataError(f"{source}: " + "; ".join(problems))
