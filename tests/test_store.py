"""A table of the store is read whole or not at all, replaced in one step, and a journal
beside it holds small changes until the table is rewritten."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

from breachwatch.speed import store


def test_a_written_dict_is_read_back_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "cache.pickle"
    store.write(path, {"a": [1, 2]})
    store.write(path, {"b": 3})
    assert store.read(path) == {"b": 3}
    assert [p.name for p in tmp_path.iterdir()] == ["cache.pickle"]


def test_a_missing_broken_or_foreign_file_reads_as_empty(tmp_path: Path) -> None:
    broken, foreign = tmp_path / "broken", tmp_path / "foreign"
    broken.write_bytes(b"\x80\x05not a pickle")
    foreign.write_bytes(pickle.dumps(["a", "list"]))
    assert store.read(tmp_path / "missing") == {}
    assert store.read(broken) == {}
    assert store.read(foreign) == {}


def test_a_journal_holds_small_changes_until_the_table_is_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "table"
    assert not store.journal_will_do(path, 1, 100)  # no table yet: write it whole
    store.write(path, {str(n): n for n in range(100)})
    assert store.journal_will_do(path, 10, 100) and not store.journal_will_do(path, 11, 100)
    store.write_journal(path, {"new": 1})
    assert store.read_journal(path) == {"new": 1}
    store.write(path, {"all": 0})
    assert store.read_journal(path) == {}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["table"]


def test_a_writer_of_its_own_writes_through_a_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "pelican-cache"
    seen = []
    store.write_with(path, lambda temporary: (seen.append(temporary),
                                              Path(temporary).write_bytes(b"x")))
    assert seen == [f"{path}.tmp"] and path.read_bytes() == b"x"


def test_no_other_module_reads_or_writes_a_pickle_file() -> None:
    package = Path(store.__file__).parent.parent
    file_use = re.compile(r"pickle\.(load|dump)\(|\bUnpickler\(.*open\(")
    users = sorted(str(path.relative_to(package)) for path in package.rglob("*.py")
                   if file_use.search(path.read_text(encoding="utf-8")))
    assert users == ["speed/store.py"]
