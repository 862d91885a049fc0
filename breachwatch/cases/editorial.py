"""Editors' decisions on cases (content/cases.yaml): confirm, merge or split; they win."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from breachwatch.schema import MetadataError


@dataclass(frozen=True)
class ConfirmedCase:
    """A case as an editor fixed it: its slug, title and articles (seed names without .txt)."""

    slug: str
    title: str
    keys: tuple[str, ...]


@dataclass(frozen=True)
class EditorCases:
    """The whole cases file: confirmed cases and groups of articles never to be merged."""

    confirmed: tuple[ConfirmedCase, ...] = ()
    separate: tuple[frozenset[str], ...] = field(default_factory=tuple)

    def kept_apart(self, a: str, b: str) -> bool:
        """True if an editor said these two articles are different incidents."""
        return any(a in group and b in group for group in self.separate)


def _keys(value, path: Path, where: str) -> tuple[str, ...]:
    """A list of seed names; '.txt' is allowed and dropped."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise MetadataError(f"{path}: {where}: 'articles' must be a list of seed names")
    return tuple(v.removesuffix(".txt") for v in value)


def load_editor_cases(path: Path, known: set[str] | None = None) -> EditorCases:
    """Read content/cases.yaml if it exists; unknown seeds or slugs fail with the file."""
    if not path.exists():
        return EditorCases()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise MetadataError(f"{path}: cannot read cases file: {error}") from None
    if not isinstance(data, dict):
        raise MetadataError(f"{path}: expected a mapping with 'confirmed' and 'separate'")
    confirmed = []
    seen: dict[str, str] = {}
    for index, entry in enumerate(data.get("confirmed") or [], start=1):
        where = f"confirmed case {index}"
        if not isinstance(entry, dict) or not {"slug", "title", "articles"} <= set(entry):
            raise MetadataError(f"{path}: {where}: needs slug, title and articles")
        keys = _keys(entry["articles"], path, where)
        for key in keys:
            if known is not None and key not in known:
                raise MetadataError(f"{path}: {where}: no article from seed '{key}'")
            if key in seen:
                raise MetadataError(f"{path}: {where}: '{key}' is already in {seen[key]}")
            seen[key] = entry["slug"]
        confirmed.append(ConfirmedCase(str(entry["slug"]), str(entry["title"]), keys))
    separate = []
    for index, group in enumerate(data.get("separate") or [], start=1):
        keys = _keys(group, path, f"separate group {index}")
        unknown = [k for k in keys if known is not None and k not in known]
        if unknown:
            raise MetadataError(f"{path}: separate group {index}: no article from {unknown}")
        separate.append(frozenset(keys))
    return EditorCases(tuple(confirmed), tuple(separate))
