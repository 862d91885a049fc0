"""Read the editor-maintained YAML data files and fail with the file and the problem."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TypeVar

import yaml

# The police investigation's data files, used when no settings name another folder.
DATA_DIR = Path(__file__).parent / "data"
# The data folder of the investigation being built (its settings' DATA_PATH), in the
# environment so that forked workers and subprocesses read the same one.
DATA_ENV = "BREACHWATCH_DATA"


def data_dir() -> Path:
    """The data folder of the investigation being built: its settings' DATA_PATH."""
    folder = os.environ.get(DATA_ENV)
    return Path(folder) if folder else DATA_DIR


def use_data(folder: str | Path) -> None:
    """Read this process's (and its children's) data files from `folder`; one per process,
    since loaders keep what they parsed."""
    folder = Path(folder).resolve()
    if not folder.is_dir():
        raise DataFileError(f"{folder}: data folder not found (the settings' DATA_PATH)")
    os.environ[DATA_ENV] = str(folder)


class DataFileError(ValueError):
    """A data file is missing, is not valid YAML, or breaks its expected shape."""


def read_data_file(name: str) -> Any:
    """Parse the data file `name` of the investigation's data folder; errors name the file."""
    return _read(data_dir() / name)


@cache
def _read(path: Path) -> Any:
    """Parse one YAML file once per process."""
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
        raise DataFileError(f"{data_dir() / name}: {problem}")


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
