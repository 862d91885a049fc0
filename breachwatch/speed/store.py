"""The one module that reads and writes what builds keep between them: each cache is a named
table, a pickled dict read whole or not at all and replaced in one step (a temporary file
renamed over it), with an optional journal beside it for builds that change little.

Every other module asks this one; none opens a pickle file itself. The tables live in the
folders build.py names after a fingerprint of the code, data files, settings, Pelican and
Markdown (Pelican's cache folder), or, for the ingest, in the content folder with the
fingerprint stored inside; `make clean` removes them all.
"""

from __future__ import annotations

import contextlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any

TEMPORARY_SUFFIX = ".tmp"
JOURNAL_SUFFIX = ".journal"
# A change of at most this share of a table's entries goes to its journal, not a rewrite.
JOURNAL_SHARE = 0.1
# What a damaged or foreign file raises when read: a cache then starts empty.
_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
               AttributeError, ImportError)


def read(path: str | Path) -> dict[Any, Any]:
    """The dict in a table file; an empty one if it is missing or unreadable (a cache)."""
    value = read_value(path)
    return value if isinstance(value, dict) else {}


def read_value(path: str | Path) -> Any:
    """The value in a table file, or None if it is missing or unreadable."""
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except _UNREADABLE:
        return None


def write(path: str | Path, value: Any) -> None:
    """Pickle `value` to a temporary file renamed over `path`: never half a file there."""
    write_with(path, lambda temporary: _dump(temporary, value))


def _dump(path: str, value: Any) -> None:
    """Pickle `value` into the file `path`."""
    with open(path, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)


def write_with(path: str | Path, save: Callable[[str], None]) -> None:
    """Let `save` write a table (Pelican's cache writes its own) to a temporary file, then
    rename it over `path`; the journal it folds in goes."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    temporary = f"{path}{TEMPORARY_SUFFIX}"
    save(temporary)
    os.replace(temporary, path)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(f"{path}{JOURNAL_SUFFIX}")


def read_journal(path: str | Path) -> dict[Any, Any]:
    """The entries a table's journal holds beyond its file (none if it has no journal)."""
    return read(f"{path}{JOURNAL_SUFFIX}")


def write_journal(path: str | Path, entries: dict[Any, Any]) -> None:
    """Replace a table's journal with `entries`, in one step."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    temporary = f"{path}{JOURNAL_SUFFIX}{TEMPORARY_SUFFIX}"
    _dump(temporary, entries)
    os.replace(temporary, f"{path}{JOURNAL_SUFFIX}")


def journal_will_do(path: str | Path, changed: int, total: int) -> bool:
    """Whether a change of `changed` entries out of `total` may go to the journal: the table's
    file exists and the change is small."""
    return os.path.exists(path) and changed <= JOURNAL_SHARE * total
