"""Read the editor-maintained YAML data files and fail with the file and the problem."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

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
    return parse_yaml(text, path)


# libyaml's loader, ten times faster, where PyYAML was built with it.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def parse_yaml(text: str, path: Path) -> Any:
    """YAML as yaml.safe_load reads it (by libyaml when it can); errors name the file."""
    if _FAST_LOADER is not None:
        try:
            return yaml.load(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass  # parse again below, for the pure-Python loader's fuller message
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise DataFileError(f"{path}: not valid YAML: {error}") from None


def require(condition: bool, name: str, problem: str) -> None:
    """Raise a DataFileError naming the data file when a shape check fails."""
    if not condition:
        raise DataFileError(f"{DATA_DIR / name}: {problem}")


class _Slugged(Protocol):
    """An entry of a taxonomy data file: anything with a slug."""

    slug: str


Entry = TypeVar("Entry", bound=_Slugged)


def load_entries(name: str, key: str, parse: Callable[[Any, int], Entry]) -> dict[str, Entry]:
    """The `key` list of a data file, each entry parsed, by slug in file order; no duplicates."""
    data = read_data_file(name)
    require(isinstance(data, dict), name, "expected a mapping")
    require(isinstance(data.get(key), list), name, f"'{key}' must be a list")
    entries: dict[str, Entry] = {}
    for index, raw in enumerate(data[key]):
        entry = parse(raw, index)
        require(entry.slug not in entries, name, f"{key}: duplicate slug {entry.slug!r}")
        entries[entry.slug] = entry
    return entries
