"""Two builds of the same input are byte-identical, whatever the machine's accidents."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
from pathlib import Path

from hostile.corpus import write_corpus
from hostile.pages import build_cli, new_content

# Pagefind 1.5 writes its filter and metadata indexes in hash-map order, which changes from
# run to run (Pagefind issue #638; the hashed names follow). Only these files are compared
# up to order: the same bytes, differently arranged. Every other file must be identical.
PAGEFIND_UNORDERED = re.compile(r"pagefind/(?:filter/.*\.pf_filter|pagefind\..*\.pf_meta)")
PAGEFIND_ENTRY = "pagefind/pagefind-entry.json"


def _unordered(name: str, data: bytes, filters: list[bytes]) -> tuple[str, bytes]:
    """A Pagefind index file without content hashes, its own or its filters', bytes sorted."""
    data = gzip.decompress(data)
    for filter_hash in filters:
        data = data.replace(filter_hash, b"filter#")
    return re.sub(r"_[0-9a-f]{7,}\.", "_#.", name), bytes(sorted(data))


def _tree(root: Path) -> dict[str, bytes]:
    """Every file under `root` by relative path, with its bytes (Pagefind's indexes sorted)."""
    tree: dict[str, bytes] = {}
    unordered: dict[str, list[bytes]] = {}
    filters = [p.stem.encode() for p in root.glob("pagefind/filter/*.pf_filter")]
    for path in root.rglob("*"):
        name = str(path.relative_to(root))
        if not path.is_file():
            continue
        if PAGEFIND_UNORDERED.fullmatch(name):
            name, data = _unordered(name, path.read_bytes(), filters)
            unordered.setdefault(name, []).append(data)
        elif name == PAGEFIND_ENTRY:
            entry = json.loads(path.read_bytes())
            for language in entry.get("languages", {}).values():
                language.pop("hash", None)
            tree[name] = json.dumps(entry, sort_keys=True).encode()
        else:
            tree[name] = path.read_bytes()
    return tree | {name: b"\0".join(sorted(parts)) for name, parts in unordered.items()}


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
    # Another folder depth, creation order, modification times and hash seed change nothing.
    # (Not the day: "on Monday" in a seed is dated from the day of the build, by design.)
    other = tmp_path / "second" / "deeper"
    again = build_cli(
        _shuffled_copy(seeds, other / "seeds"), new_content(other / "content"),
        other / "output", env={**os.environ, "PYTHONHASHSEED": "2", "LC_ALL": "C"},
    )
    assert first.returncode == again.returncode == 1  # the corpus holds failing seeds
    one, two = _tree(tmp_path / "first" / "output"), _tree(other / "output")
    assert sorted(one) == sorted(two)
    differing = sorted(name for name in one if one[name] != two[name])
    assert differing == []
    assert [name for name in one if name.endswith(".sqlite")]  # the database is compared too
