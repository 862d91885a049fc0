"""One fingerprint of the package's code and the investigation's data files, so caches die
when either changes."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from breachwatch.datafiles import data_dir

# The whole package (this module lives in its speed/ folder).
PACKAGE = Path(__file__).resolve().parents[1]


def package_fingerprint(data: str | Path | None = None) -> str:
    """SHA-256 over every source file of the package and every file of the data folder (the
    one being built, unless named)."""
    return _fingerprint(Path(data or data_dir()).resolve())


@cache
def _fingerprint(data: Path) -> str:
    """The fingerprint for one data folder (the package's own is hashed with its code)."""
    digest = hashlib.sha256()
    folders = [PACKAGE] if data.is_relative_to(PACKAGE) else [PACKAGE, data]
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
                name = str(path.relative_to(folder)).encode()
                digest.update(name + b"\0" + path.read_bytes())
    return digest.hexdigest()
