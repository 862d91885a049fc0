"""Pelican's content cache is written by a forked copy of the build, which goes on meanwhile,
and only when it changed; a small change goes to a journal beside it.

When the articles are read, Pelican pickles every cached article into one file (150 MB at
10,000 articles): most of a second on the one core the build uses at that point. A forked
process writes it instead, under a temporary name renamed into place, so the next build never
reads half a file; this build waits for it before it ends. As in Pelican, a failure is only a
warning: a lost cache costs a full read next time, never a wrong page.

A build that cached nothing new (nothing changed) writes nothing. One that cached a few files
(an article edited) writes those entries, and the journal's earlier ones, to <cache>.journal,
read over the cache when the next build starts; a journal of more than a tenth of the entries
is folded into the cache file. Every entry holds the stamp of the file it was made from, and
Pelican uses it only while the file has that stamp, so an old journal over a newer cache file
(a crash between the two writes) costs a read, never a wrong page.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pelican import signals
from pelican.cache import FileDataCacher

from breachwatch.speed import store
from breachwatch.speed.parallel import cores, start_forked, wait_all

logger = logging.getLogger(__name__)

# The wait() of every cache file being written.
_writing: list[tuple[str, Callable[[], None]]] = []


def write_cache(cacher: FileDataCacher) -> None:
    """Pelican's own save, to a temporary file then renamed over the cache file; the journal,
    folded in, goes."""
    final = cacher._cache_path

    def save(temporary: str) -> None:
        """Pelican's save_cache, into the temporary file."""
        cacher._cache_path = temporary
        try:
            FileDataCacher.save_cache(cacher)
        finally:
            cacher._cache_path = final

    store.write_with(final, save)


def _saving_in_background(cacher: FileDataCacher,
                          changes: Changes | None = None) -> Callable[[], None]:
    """A save_cache for `cacher` that forks the writing. `changes`: the names cached in this
    build and those of the journal, when they are known (None: write it all)."""

    def save_cache() -> None:
        """Write what changed: nothing, a journal, or the whole cache in a process of its own
        (or now, on one core)."""
        if not cacher._cache_data_policy:
            return
        if changes is not None and os.path.exists(cacher._cache_path):
            if not changes.fresh:
                return
            changed = changes.fresh | changes.journaled
            if store.journal_will_do(cacher._cache_path, len(changed), len(cacher._cache)):
                try:
                    store.write_journal(cacher._cache_path,
                                        {name: cacher._cache[name] for name in changed})
                except (OSError, pickle.PicklingError, TypeError) as error:
                    logger.warning("Could not save cache %s: %s", cacher._cache_path, error)
                return
        if cores() < 2:
            write_cache(cacher)
            return
        _writing.append((cacher._cache_path, start_forked(write_cache, cacher)))

    return save_cache


@dataclass
class Changes:
    """The names a cache holds beyond its file: cached in this build, or read from its journal."""

    fresh: set[str] = field(default_factory=set)
    journaled: set[str] = field(default_factory=set)


def _journaled(cacher: FileDataCacher, load: bool) -> Changes:
    """Read the journal over the cache (if the cache was loaded), and note each name cached
    from now on."""
    changes = Changes()
    if load:
        journal = store.read_journal(cacher._cache_path)
        cacher._cache.update(journal)
        changes.journaled.update(journal)
    pelicans_own = cacher.cache_data

    def cache_data(filename: str, data: Any) -> None:
        """Cache as Pelican does, noting the name."""
        changes.fresh.add(filename)
        pelicans_own(filename, data)

    cacher.cache_data = cache_data
    return changes


def write_in_background(generator) -> None:
    """Make the article generator and its readers save their caches in the background, and
    only what changed."""
    load = bool(generator.settings.get("LOAD_CONTENT_CACHE"))
    for cacher in (generator, generator.readers):
        cacher.save_cache = _saving_in_background(cacher, _journaled(cacher, load))


def wait_for_writes(_pelican=None) -> None:
    """Wait for every cache file being written; a failure is a warning, as in Pelican."""
    for path, error in wait_all(_writing):
        logger.warning("Could not save cache %s: %s", path, error)


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_init.connect(write_in_background)
    signals.finalized.connect(wait_for_writes)
