"""A cache's pickled file is read whole or not at all, and replaced in one step."""

from __future__ import annotations

import pickle
from pathlib import Path

from breachwatch import pickled


def test_a_written_dict_is_read_back_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    path = tmp_path / "cache.pickle"
    pickled.write(path, {"a": [1, 2]})
    pickled.write(path, {"b": 3})
    assert pickled.read_dict(path) == {"b": 3}
    assert [p.name for p in tmp_path.iterdir()] == ["cache.pickle"]


def test_a_missing_broken_or_foreign_file_reads_as_empty(tmp_path: Path) -> None:
    broken, foreign = tmp_path / "broken", tmp_path / "foreign"
    broken.write_bytes(b"\x80\x05not a pickle")
    foreign.write_bytes(pickle.dumps(["a", "list"]))
    assert pickled.read_dict(tmp_path / "missing") == {}
    assert pickled.read_dict(broken) == {}
    assert pickled.read_dict(foreign) == {}
