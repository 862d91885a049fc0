"""Remember each seed's ingest result, so an unchanged seed is not read and extracted again.

An entry is reused only when the seed's bytes, its correction file, the package's code and data
files and today's date (date inference reads "yesterday") are all unchanged; otherwise the seed
is ingested afresh. The cache is a hidden file in the content folder, which Pelican ignores.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from datetime import date
from pathlib import Path

from breachwatch.fingerprint import package_fingerprint

CACHE_NAME = ".ingest-cache.pickle"
# Bump to drop every cache written by an older layout of this file.
LAYOUT = 1


def code_version(today: date | None) -> str:
    """Fingerprint of everything besides the seed that decides an ingest result."""
    return f"{LAYOUT} {today or date.today()} {package_fingerprint()}"


def seed_key(seed: Path, correction: Path) -> str:
    """Fingerprint of one seed and its correction file, if any."""
    digest = hashlib.sha256(seed.read_bytes())
    if correction.exists():
        digest.update(b"\0correction\0" + correction.read_bytes())
    return digest.hexdigest()


class IngestCache:
    """Pickled ingest results by seed name, valid for one code version."""

    def __init__(self, content_dir: Path, version: str) -> None:
        self.path = content_dir / CACHE_NAME
        self.version = version
        self.entries: dict[str, tuple[str, bytes]] = {}
        self.changed = False
        try:
            with self.path.open("rb") as handle:
                stored_version, entries = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return
        if stored_version == version and isinstance(entries, dict):
            self.entries = entries

    def holds(self, name: str) -> bool:
        """Tell whether anything is stored for this seed (else there is no key to compute)."""
        return name in self.entries

    def get(self, name: str, key: str) -> bytes | None:
        """The pickled result stored for this seed, if its inputs are unchanged."""
        found = self.entries.get(name)
        return found[1] if found and found[0] == key else None

    def put(self, name: str, key: str, blob: bytes) -> None:
        """Remember one seed's pickled result."""
        if self.entries.get(name) != (key, blob):
            self.entries[name] = (key, blob)
            self.changed = True

    def keep_only(self, names: set[str]) -> None:
        """Forget seeds that are no longer in the seeds folder."""
        for name in set(self.entries) - names:
            del self.entries[name]
            self.changed = True

    def save(self) -> None:
        """Write the cache in one step, if anything changed."""
        if not self.changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        with temporary.open("wb") as handle:
            pickle.dump((self.version, self.entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, self.path)
