"""Publish every seed byte for byte, so readers can check an article against what we received."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

# Raw seeds are served at <site>/sources/<seed file name>; pelicanconf builds SOURCE_URL on it.
SOURCE_DIR = "sources"


def copy_sources(seeds: Path, published: set[str] | None = None) -> Callable[[Path], None]:
    """A build step that copies seeds/*.txt unchanged into the staged site's sources/ folder.

    With `published`, only the seeds of those names are copied: a seed that became no article
    (binary, empty, 10 MB) is not put on the public site.
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
            shutil.copyfile(seed, target / seed.name)

    return step
