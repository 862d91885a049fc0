"""Publish every seed byte for byte, so readers can check an article against what we received."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

# Raw seeds are served at <site>/sources/<seed file name>; pelicanconf builds SOURCE_URL on it.
SOURCE_DIR = "sources"


def _same_bytes(a: Path, b: Path) -> bool:
    """Whether two files hold the same bytes (a missing one never does)."""
    try:
        return a.stat().st_size == b.stat().st_size and a.read_bytes() == b.read_bytes()
    except OSError:
        return False


def publish(seed: Path, target: Path, previous: Path | None) -> None:
    """Put a seed's bytes at `target`: a hard link to the live site's identical copy if there
    is one (creating files is the slow part), else a fresh copy, never a link to the seed."""
    if previous is not None and _same_bytes(previous, seed):
        try:
            os.link(previous, target)
            return
        except OSError:
            pass  # another file system, or links not allowed: copy instead
    shutil.copyfile(seed, target)


def copy_sources(seeds: Path, published: set[str] | None = None,
                 live: Path | None = None) -> Callable[[Path], None]:
    """A build step that copies seeds/*.txt unchanged into the staged site's sources/ folder.

    With `published`, only the seeds of those names are copied: a seed that became no article
    (binary, empty, 10 MB) is not put on the public site. With `live`, the site now online,
    its unchanged copies are reused.
    """

    def step(site: Path) -> None:
        """Copy the raw files; the names are the seed names the articles record."""
        target = site / SOURCE_DIR
        target.mkdir(parents=True, exist_ok=True)
        for seed in sorted(seeds.glob("*.txt")):
            if seed.is_symlink() or not seed.is_file():
                continue  # never publish what a link points at, nor a folder or a pipe
            if published is not None and seed.name not in published:
                continue
            previous = live / SOURCE_DIR / seed.name if live is not None else None
            publish(seed, target / seed.name, previous)

    return step
