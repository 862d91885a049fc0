"""Read the editor-maintained YAML data files and fail with the file and the problem."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent / "data"


class DataFileError(ValueError):
    """A data file is missing, is not valid YAML, or breaks its expected shape."""


@cache
def read_data_file(name: str) -> Any:
    """Parse `breachwatch/data/<name>` once per process; errors name the file."""
    path = DATA_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"{path}: cannot read data file ({error.strerror})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataFileError(f"{path}: not valid YAML: {error}") from None


def require(condition: bool, name: str, problem: str) -> None:
    """Raise a DataFileError naming the data file when a shape check fails."""
    if not condition:
        raise DataFileError(f"{DATA_DIR / name}: {problem}")
