"""Hash each content file once per build, not four or five times.

Pelican compares a file's content hash (CHECK_MODIFIED_METHOD) with its cached reading's
whenever it looks a reading up or stores one: at the generator level, which computes the hash
even though only the reader level caches (CONTENT_CACHING_LAYER = "reader"), then at the
reader level; the parallel reader asks once more. At 10,000 articles each pass is a second of
reading files. Here each file is hashed the first time it is asked for, before it is read, and
that hash is the answer for the rest of the generator's run: a file edited during the build
is stored with its older hash, so the next build reads it again.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from pelican import signals


def _remembering(hash_file: Callable[[str], Any], stamps: dict[str, Any]):
    """`hash_file`, answering from `stamps` for a file it has hashed before."""

    def stamp(filename: str) -> Any:
        """The file's stamp, computed once."""
        key = os.path.abspath(filename)
        if key not in stamps:
            stamps[key] = hash_file(filename)
        return stamps[key]

    return stamp


def remember_stamps(generator) -> None:
    """Make the generator and its readers share one stamp per file for this build."""
    stamps: dict[str, Any] = {}
    for cacher in (generator, generator.readers):
        if getattr(cacher, "_filestamp_func", None) is not None:
            cacher._filestamp_func = _remembering(cacher._filestamp_func, stamps)


def register() -> None:
    """Pelican plugin entry point (before markdown_reader, which asks for stamps first)."""
    signals.article_generator_init.connect(remember_stamps)
    signals.page_generator_init.connect(remember_stamps)
