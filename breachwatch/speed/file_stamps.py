"""Hash each content file at most once per build, and not at all while its stamp is unchanged.

Pelican compares a file's content hash (CHECK_MODIFIED_METHOD) with its cached article's
whenever it looks one up or stores one, and the parallel reader asks once more. At 10,000
articles each pass is a second of reading files. Here each file is hashed the first time it is
asked for, before it is read, and that hash is the answer for the rest of the generator's run:
a file edited during the build is stored with its older hash, so the next build reads it again.

Across builds, the hash of each file is kept in the cache folder with the file's stamp
(breachwatch/speed/stamps.py) taken before hashing it; while the stamp is unchanged, the kept hash
is the answer and the file is not read. Stamps not yet settled are not kept.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pelican import signals

from breachwatch.speed import store
from breachwatch.speed.stamps import Stamp, file_stamp, settled

logger = logging.getLogger(__name__)
# The kept hashes of one generator's files, in the cache folder.
KEPT_SUFFIX = "-hashes.pickle"


def _kept_path(generator) -> Path | None:
    """Where this generator's hashes are kept: only with Pelican's content cache."""
    settings = generator.settings
    if not (settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH")):
        return None
    return Path(settings["CACHE_PATH"]) / f"{type(generator).__name__}{KEPT_SUFFIX}"


def _load(path: Path | None) -> dict[str, tuple[Stamp, Any]]:
    """Hashes kept by an earlier build, by absolute path; none if missing or unreadable."""
    return {} if path is None else store.read(path)


def _remembering(hash_file: Callable[[str], Any], stamps: dict[str, Any],
                 kept: dict[str, tuple[Stamp, Any]], keep: dict[str, tuple[Stamp, Any]]):
    """`hash_file`, answering from `stamps` for a file it has hashed before, and from `kept`
    for a file whose stamp is the one kept with its hash."""

    def stamp(filename: str) -> Any:
        """The file's content hash, computed at most once."""
        key = os.path.abspath(filename)
        if key not in stamps:
            now = file_stamp(key)  # before hashing: a change while it is read shows next time
            earlier = kept.get(key)
            if now is not None and earlier is not None and earlier[0] == now:
                stamps[key] = earlier[1]
            else:
                stamps[key] = hash_file(filename)
            if settled(now):
                keep[key] = (now, stamps[key])
        return stamps[key]

    return stamp


def remember_stamps(generator) -> None:
    """Make the generator and its readers share one hash per file for this build."""
    stamps: dict[str, Any] = {}
    keep: dict[str, tuple[Stamp, Any]] = {}
    path = _kept_path(generator)
    kept = _load(path)
    for cacher in (generator, generator.readers):
        if getattr(cacher, "_filestamp_func", None) is not None:
            cacher._filestamp_func = _remembering(cacher._filestamp_func, stamps, kept, keep)
    generator.kept_hashes = (path, keep)


def save_stamps(generator) -> None:
    """Keep the settled stamps and hashes of the files this generator read."""
    path, keep = getattr(generator, "kept_hashes", (None, None))
    if path is None or not keep:
        return
    try:
        store.write(path, keep)
    except OSError as error:  # as with Pelican's cache: the next build hashes every file
        logger.warning("Could not save %s: %s", path, error)


def register() -> None:
    """Pelican plugin entry point (before markdown_reader, which asks for stamps first)."""
    signals.article_generator_init.connect(remember_stamps)
    signals.page_generator_init.connect(remember_stamps)
    signals.article_generator_finalized.connect(save_stamps)
    signals.page_generator_finalized.connect(save_stamps)
