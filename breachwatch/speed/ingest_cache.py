"""Remember each seed's ingest result, so an unchanged seed is not read and extracted again:
remembered() memoises the pipeline's extraction from outside, and spreads what is left of it
over the cores.

An entry is reused only when the seed's bytes, its correction file, its row of sources.csv, the
package's code and data files and today's date (date inference reads "yesterday") are all
unchanged; otherwise the seed is ingested afresh. The cache is the `ingest` table of the site's
store (speed/store.py), which also holds Pelican's cache of the articles written from it; an
ingest given no store remembers nothing.

Like Git's index, an entry also keeps the stamps (inode, size, modification and change times)
of the files it was made from and of the article file written from it (breachwatch/speed/stamps.py):
while they are the same, the seed need not be read and hashed, nor the article file read and
compared. Stamps not yet settled when the cache is saved are dropped; such files are read
again next time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
from collections.abc import Callable, Iterator
from dataclasses import astuple, dataclass
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from breachwatch.ingest.corrections import corrections_path
from breachwatch.ingest.provenance import SourceRow
from breachwatch.speed import store
from breachwatch.speed.fingerprint import package_fingerprint
from breachwatch.speed.parallel import fork_pool, workers_for
from breachwatch.speed.stamps import Stamp, file_stamp, settled

CACHE_NAME = "ingest.pickle"
# Bump to drop every cache written by an older layout of this file.
LAYOUT = 4
# Extract in a pool of processes only when each core gets at least this many seeds.
POOL_THRESHOLD = 32


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

    def __init__(self, store_dir: Path | None, version: str) -> None:
        self.path = store_dir / CACHE_NAME if store_dir else None
        self.version = version
        self.entries: dict[str, Entry] = {}
        self.changed = False
        stored = store.read_value(self.path) if self.path else None
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
        if self.path:
            store.write(self.path, (self.version, self.entries))


def text_digest(article: Any) -> str:
    """Digest of an article's headline and text: two seeds with the same one are published once."""
    text = "\n".join([article.metadata["title"], *article.paragraphs])
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Ingested:
    """One seed's article: its slug and text digest at hand, the Article itself unpickled only
    when something needs it (an unchanged result from the cache usually does not)."""

    seed: Path
    blob: bytes
    slug: str
    text_digest: str
    fresh: bool  # extracted in this run, not taken from the cache
    warned: bool = False  # this run added a warning

    @cached_property
    def article(self) -> Any:
        """The Article, unpickled on first use (under the slug it is published with)."""
        article = pickle.loads(self.blob)
        article.seed = self.seed
        if self.slug:
            article.metadata["slug"] = self.slug
        return article

    def rename(self, slug: str) -> None:
        """Publish the article under another slug."""
        self.slug = slug
        if "article" in self.__dict__:
            self.article.metadata["slug"] = slug

    def warn(self, message: str) -> None:
        """Add a warning of this run to the article."""
        self.article.warnings.append(message)
        self.warned = True


def _input_stamps(seeds: dict[Path, Stamp],
                  corrections_dir: Path) -> dict[Path, tuple[Stamp, Stamp]]:
    """Each seed's stamp and its correction file's, taken before any seed is read (a change
    while it is read shows next time); the corrections folder is listed once, so the absent
    correction files of most seeds cost no lookup."""
    try:
        present = {entry.name for entry in os.scandir(corrections_dir)}
    except OSError:
        present = set()
    stamps = {}
    for seed, stamp in seeds.items():
        correction = corrections_path(corrections_dir, seed) if present else None
        stamps[seed] = (stamp, file_stamp(correction)
                        if correction is not None and correction.name in present else None)
    return stamps


def _keyed(call: tuple, seed: Path, source: SourceRow) -> tuple[str, bytes | str]:
    """One seed's cache key and pickled article, or its error message (in any process): the
    key is taken before the seed is read, so a change while it is read shows next time."""
    extract, corrections_dir, today = call
    try:
        key = seed_key(seed, corrections_path(corrections_dir, seed), source)
    except OSError:
        key = ""  # unreadable: extract() says why, and nothing is cached under no key
    outcome = extract(seed, corrections_dir, today, source)
    if isinstance(outcome, str):
        return "", outcome
    return key, pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)


def remembered(
    extract: Callable[[Path, Path, date | None, SourceRow], Any], seeds: dict[Path, Stamp],
    corrections_dir: Path, today: date | None, sources: dict[str, SourceRow],
    cache: IngestCache, warm: Callable[[], None],
) -> Iterator[tuple[Path, Ingested | str]]:
    """`extract(seed, corrections_dir, today, source)` for each seed, in seed order: its
    article, or its error message. Unchanged seeds come from the cache; the others are spread
    over all cores (after `warm()` has read the data files, for the workers to inherit).

    The results are pickled either way, so a cached Article and a fresh one are the same
    object.
    """
    cached: dict[Path, Entry] = {}
    stamps = _input_stamps(seeds, corrections_dir)
    rows = {seed: sources.get(seed.name, SourceRow()) for seed in seeds}
    for seed in seeds:
        if not cache.holds(seed.name):
            continue  # nothing stored: no need to read and hash the seed here
        entry = cache.unchanged(seed.name, stamps[seed], rows[seed])
        if entry is None:
            try:
                key = seed_key(seed, corrections_path(corrections_dir, seed), rows[seed])
            except OSError:
                continue
            entry = cache.get(seed.name, key, stamps[seed])
        if entry is not None:
            cached[seed] = entry
    fresh = [seed for seed in seeds if seed not in cached]
    workers = workers_for(len(fresh), POOL_THRESHOLD)
    pool = None
    if workers:
        warm()  # compiled once here, inherited by every forked worker
        pool = fork_pool(workers)
    calls = (extract, corrections_dir, today)
    if pool is not None:
        results = pool.map(_keyed, [calls] * len(fresh), fresh, [rows[seed] for seed in fresh],
                           chunksize=max(1, len(fresh) // (workers * 16)))
    else:
        results = (_keyed(calls, seed, rows[seed]) for seed in fresh)
    stream = iter(results)  # in the order of `fresh`, which is seed order
    try:
        for seed in seeds:
            entry = cached.get(seed)
            if entry is not None:
                yield seed, Ingested(seed, entry.blob, entry.slug, entry.text_digest, fresh=False)
                continue
            key, outcome = next(stream)
            if isinstance(outcome, str):
                yield seed, outcome
                continue
            result = Ingested(seed, outcome, "", "", fresh=True)
            result.slug, result.text_digest = result.article.metadata["slug"], text_digest(
                result.article)
            cache.put(seed.name, Entry(key, outcome, result.slug, result.text_digest,
                                       stamps[seed], source=rows[seed]))
            yield seed, result
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


