"""The one module that reads and writes what builds keep between them: each cache is a named
table, a pickled dict read whole or not at all and replaced in one step (a temporary file
renamed over it), with an optional journal beside it for builds that change little.

Every other module asks this one; none opens a pickle file itself. A site's tables live in
one folder, `<output>.cache/<fingerprint>/` (folder()): the fingerprint covers our code, the
data files, the settings' values, Pelican and Markdown, so a change to any starts an empty
store, and the old one goes. It is also Pelican's CACHE_PATH; `make clean` removes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import os
import pickle
import shutil
import sys
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


def folder(settings_file: Path, output: Path) -> Path:
    """The store of the site these settings build into `output`, in a folder named after
    everything its tables depend on (our code and data, the settings' values, Python and the
    pinned dependencies); the store of any other version is removed."""
    from breachwatch.settings import settings_digest  # noqa: PLC0415 - runs the settings
    from breachwatch.speed.fingerprint import package_fingerprint  # noqa: PLC0415

    digest = hashlib.sha256(package_fingerprint().encode())
    if settings_file.is_file():
        digest.update(settings_digest(settings_file).encode())
    for name in ("pelican", "markdown"):
        digest.update(importlib.metadata.version(name).encode())
    digest.update(sys.version.encode())  # and every other pinned dependency:
    with contextlib.suppress(OSError):
        digest.update((Path(__file__).resolve().parents[2] / "requirements.lock").read_bytes())
    root = output.with_name(output.name + ".cache")
    current = root / digest.hexdigest()[:16]
    if root.is_dir():
        for old in root.iterdir():
            if old != current:
                shutil.rmtree(old, ignore_errors=True)
    return current


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
