"""Remember each seed's ingest result, so an unchanged seed is not read and extracted again.

An entry is reused only when the seed's bytes, its correction file, its row of sources.csv, the
package's code and data files and today's date (date inference reads "yesterday") are all
unchanged; otherwise the seed is ingested afresh. The cache is a hidden file in the content
folder, which Pelican ignores.

Like Git's index, an entry also keeps the stamps (inode, size, modification and change times)
of the files it was made from and of the article file written from it (breachwatch/speed/stamps.py):
while they are the same, the seed need not be read and hashed, nor the article file read and
compared. Stamps not yet settled when the cache is saved are dropped; such files are read
again next time.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import astuple
from datetime import date
from pathlib import Path
from typing import NamedTuple

from breachwatch.ingest.provenance import SourceRow
from breachwatch.speed import store
from breachwatch.speed.fingerprint import package_fingerprint
from breachwatch.speed.stamps import Stamp, settled

CACHE_NAME = ".ingest-cache.pickle"
# Bump to drop every cache written by an older layout of this file.
LAYOUT = 4


class Entry(NamedTuple):
    """One seed's result: its key and pickled Article, the article's slug and text digest
    (what a run needs of an unchanged result, without unpickling it), the stamps of its inputs,
    and the name and stamp of the article file written from it."""

    key: str
    blob: bytes
    slug: str
    text_digest: str
    inputs: tuple[Stamp, Stamp] | None = None
    output: tuple[str, Stamp] | None = None
    source: SourceRow | None = None


def code_version(today: date | None) -> str:
    """Fingerprint of everything besides the seed that decides an ingest result."""
    return f"{LAYOUT} {today or date.today()} {package_fingerprint()}"


def seed_key(seed: Path, correction: Path, source: SourceRow) -> str:
    """Fingerprint of one seed, its correction file if any, and its row of sources.csv."""
    digest = hashlib.sha256(seed.read_bytes())
    if correction.exists():
        digest.update(b"\0correction\0" + correction.read_bytes())
    if source != SourceRow():
        digest.update("\0".join(["source", *astuple(source)]).encode())
    return digest.hexdigest()


class IngestCache:
    """Pickled ingest results by seed name, valid for one code version."""

    def __init__(self, content_dir: Path, version: str) -> None:
        self.path = content_dir / CACHE_NAME
        self.version = version
        self.entries: dict[str, Entry] = {}
        self.changed = False
        stored = store.read_value(self.path)
        if isinstance(stored, tuple) and len(stored) == 2:
            stored_version, entries = stored
            if stored_version == version and isinstance(entries, dict):
                self.entries = entries

    def holds(self, name: str) -> bool:
        """Tell whether anything is stored for this seed (else there is no key to compute)."""
        return name in self.entries

    def unchanged(self, name: str, inputs: tuple[Stamp, Stamp], source: SourceRow) -> Entry | None:
        """The result stored for this seed, if its files have the stamps it was made from and
        its source row is the same."""
        found = self.entries.get(name)
        if (found and inputs[0] is not None and found.inputs == inputs
                and (found.source or SourceRow()) == source):
            return found
        return None

    def get(self, name: str, key: str, inputs: tuple[Stamp, Stamp]) -> Entry | None:
        """The result stored for this seed, if its inputs are unchanged; the stamps the inputs
        have now are kept for next time."""
        found = self.entries.get(name)
        if not found or found.key != key:
            return None
        self._set(name, found._replace(inputs=inputs))
        return found

    def put(self, name: str, entry: Entry) -> None:
        """Remember one seed's result (its article file is still to be written)."""
        found = self.entries.get(name)
        if found and found[:4] == entry[:4]:
            self._set(name, found._replace(inputs=entry.inputs))
        else:
            self._set(name, entry)

    def output_unchanged(self, name: str, filename: str, stamp: Stamp) -> bool:
        """Tell whether the article file `filename`, with this stamp, is the one written from
        this seed's result, untouched since."""
        found = self.entries.get(name)
        return bool(found and stamp is not None and found.output == (filename, stamp))

    def writers(self) -> dict[tuple[str, Stamp], str]:
        """The seed each article file was written from, by the file's name and stamp then."""
        return {entry.output: name for name, entry in self.entries.items()
                if entry.output and entry.output[1] is not None}

    def wrote(self, name: str, path: Path, stamp: Stamp) -> None:
        """Remember that `path`, with this stamp, holds the article of this seed's result."""
        found = self.entries.get(name)
        if found:
            self._set(name, found._replace(output=(path.name, stamp)))

    def _set(self, name: str, entry: Entry) -> None:
        """Store an entry, noting whether the cache needs saving."""
        if self.entries.get(name) != entry:
            self.entries[name] = entry
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
        now = time.time_ns()
        for name, entry in self.entries.items():
            if entry.inputs and not all(
                    stamp is None or settled(stamp, now) for stamp in entry.inputs):
                self.entries[name] = entry = entry._replace(inputs=None)
            if entry.output and not settled(entry.output[1], now):
                self.entries[name] = entry._replace(output=None)
        store.write(self.path, (self.version, self.entries))
