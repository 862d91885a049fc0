"""Two builds of the same input are byte-identical, whatever the machine's accidents."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from hostile.corpus import write_corpus
from hostile.pages import build_cli, new_content


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes."""
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _shuffled_copy(seeds: Path, target: Path) -> Path:
    """The same seeds created in reverse order, with other modification times."""
    target.mkdir(parents=True)
    for index, path in enumerate(sorted(seeds.iterdir(), reverse=True)):
        if path.is_file() and not path.is_symlink():
            shutil.copyfile(path, target / path.name)
            os.utime(target / path.name, (1_000_000_000 + index, 1_000_000_000 + index))
    return target


def test_two_builds_of_the_hostile_corpus_are_byte_identical(tmp_path: Path) -> None:
    seeds = write_corpus(tmp_path / "first" / "seeds", big=False)
    first = build_cli(seeds, new_content(tmp_path / "first" / "content"),
                      tmp_path / "first" / "output", env={**os.environ, "PYTHONHASHSEED": "1"})
    # Another folder depth, creation order, modification times, hash seed and locale change
    # nothing. (Not the day: "on Monday" in a seed is dated from the day of the build.)
    other = tmp_path / "second" / "deeper"
    again = build_cli(
        _shuffled_copy(seeds, other / "seeds"), new_content(other / "content"),
        other / "output", env={**os.environ, "PYTHONHASHSEED": "2", "LC_ALL": "C"},
    )
    assert first.returncode == again.returncode == 1  # the corpus holds failing seeds
    one, two = _tree(tmp_path / "first" / "output"), _tree(other / "output")
    assert sorted(one) == sorted(two)
    assert sorted(name for name in one if one[name] != two[name]) == []
    # The database, the feeds and the search index are among the files compared.
    compared = {"data/breachwatch.sqlite", "feeds/all.atom.xml", "pagefind/pagefind-entry.json"}
    assert compared <= set(one)
