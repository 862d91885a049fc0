"""Pelican's content cache is written by a forked copy of the build, which goes on meanwhile.

When the articles are read, Pelican pickles every cached article into one file (150 MB at
10,000 articles): most of a second on the one core the build uses at that point. A forked
process writes it instead, under a temporary name renamed into place, so the next build never
reads half a file; this build waits for it before it ends. As in Pelican, a failure is only a
warning: a lost cache costs a full read next time, never a wrong page.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable

from pelican import signals
from pelican.cache import FileDataCacher

from breachwatch.parallel import cores, start_forked, wait_all

logger = logging.getLogger(__name__)
TEMPORARY_SUFFIX = ".tmp"

# The wait() of every cache file being written.
_writing: list[tuple[str, Callable[[], None]]] = []


def write_cache(cacher: FileDataCacher) -> None:
    """Pelican's own save, to a temporary file then renamed over the cache file."""
    final = cacher._cache_path
    cacher._cache_path = final + TEMPORARY_SUFFIX
    try:
        FileDataCacher.save_cache(cacher)
    finally:
        cacher._cache_path = final
    os.replace(final + TEMPORARY_SUFFIX, final)


def _saving_in_background(cacher: FileDataCacher) -> Callable[[], None]:
    """A save_cache for `cacher` that forks the writing."""

    def save_cache() -> None:
        """Start writing the cache in a process of its own (or now, on one core)."""
        if not cacher._cache_data_policy:
            return
        if cores() < 2:
            write_cache(cacher)
            return
        _writing.append((cacher._cache_path, start_forked(write_cache, cacher)))

    return save_cache


def write_in_background(generator) -> None:
    """Make the article generator and its readers save their caches in the background."""
    for cacher in (generator, generator.readers):
        cacher.save_cache = _saving_in_background(cacher)


def wait_for_writes(_pelican=None) -> None:
    """Wait for every cache file being written; a failure is a warning, as in Pelican."""
    for path, error in wait_all(_writing):
        logger.warning("Could not save cache %s: %s", path, error)


def register() -> None:
    """Pelican plugin entry point."""
    signals.article_generator_init.connect(write_in_background)
    signals.finalized.connect(wait_for_writes)
