"""Editors' corrections: per-seed YAML files whose fields win over extraction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from breachwatch.schema import MetadataError, fields_by_name, validate

# Fields an editor may not set: they identify the source itself.
PROTECTED = {"seed", "corrected"}
# An editor's confirmation of what was extracted: recorded, but not a correction.
CONFIRMATIONS = {"reviewed"}
# Free-text keys kept for the corrections log, not copied into metadata.
LOG_KEYS = {"note", "corrected_on"}


def corrections_path(corrections_dir: Path, seed: Path) -> Path:
    """Where the correction file for a seed lives: same stem, .yaml."""
    return corrections_dir / f"{seed.stem}.yaml"


def load_correction(path: Path) -> dict[str, Any]:
    """Read one correction file, validating every field it sets against the schema."""
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        raise MetadataError(f"{path}: cannot read correction: {error}") from None
    if not isinstance(data, dict):
        raise MetadataError(f"{path}: a correction must be a mapping of field: value")
    fields = {key: value for key, value in data.items() if key not in LOG_KEYS}
    bad = sorted(PROTECTED & set(fields))
    if bad:
        raise MetadataError(f"{path}: field(s) {', '.join(bad)} cannot be corrected")
    validate(fields, str(path), complete=False)
    return data


def apply_correction(metadata: dict[str, Any], correction: dict[str, Any]) -> dict[str, Any]:
    """Return metadata with the editor's fields in place and the names of those fields."""
    fields = {k: v for k, v in correction.items() if k in fields_by_name()}
    if not fields:
        return metadata
    merged = {**metadata, **fields}
    if "date" in fields:
        if "date_basis" not in fields:
            merged["date_basis"] = "set by an editor"
        if "date_rule" not in fields:
            merged["date_rule"] = "editor"
        if "date_confidence" not in fields:
            merged["date_confidence"] = "high"
        if "date_precision" not in fields:
            merged["date_precision"] = "day"
    changed = sorted(set(fields) - CONFIRMATIONS)
    if changed:
        merged["corrected"] = changed
    return merged
