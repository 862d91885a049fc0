"""Each content file is hashed once per build, and the generator and its readers agree."""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

from breachwatch.plugins.file_stamps import remember_stamps


def test_each_file_is_hashed_once_for_generator_and_readers(tmp_path: Path) -> None:
    hashed: list[str] = []

    def md5(filename: str) -> bytes:
        hashed.append(filename)
        return hashlib.md5(Path(filename).read_bytes()).digest()

    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text("Title: one\n\nText.\n", encoding="utf-8")
    two.write_text("Title: two\n\nText.\n", encoding="utf-8")
    generator = SimpleNamespace(_filestamp_func=md5, readers=SimpleNamespace(_filestamp_func=md5))
    remember_stamps(generator)
    first = generator._filestamp_func(str(one))
    assert generator.readers._filestamp_func(str(tmp_path / "." / "one.md")) == first
    assert generator._filestamp_func(str(two)) != first
    assert hashed == [str(one), str(two)]


def test_a_build_without_hashing_is_left_alone() -> None:
    generator = SimpleNamespace(_filestamp_func=None, readers=SimpleNamespace())
    remember_stamps(generator)
    assert generator._filestamp_func is None
