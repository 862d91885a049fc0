"""Pickled files of our caches: read whole or not at all, and replaced in one step."""

from __future__ import annotations

import os
import pickle
from pathlib import Path
from typing import Any

TEMPORARY_SUFFIX = ".tmp"


def read_dict(path: str | Path) -> dict[str, Any]:
    """The dict pickled in a file; an empty one if it is missing or unreadable (a cache)."""
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
            AttributeError, ImportError):
        return {}
    return value if isinstance(value, dict) else {}


def write(path: str | Path, value: Any) -> None:
    """Pickle `value` to a temporary file renamed over `path`: never half a file there."""
    temporary = f"{path}{TEMPORARY_SUFFIX}"
    with open(temporary, "wb") as handle:
        pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
