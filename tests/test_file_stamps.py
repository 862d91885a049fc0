"""Each content file is hashed at most once per build, and not again while it is unchanged."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from types import SimpleNamespace

import pytest

from breachwatch.speed import stamps
from breachwatch.speed.file_stamps import remember_stamps, save_stamps


class Hasher:
    """Pelican's md5 stamp function, noting each file it reads."""

    def __init__(self) -> None:
        self.hashed: list[str] = []

    def __call__(self, filename: str) -> bytes:
        self.hashed.append(filename)
        return hashlib.md5(Path(filename).read_bytes()).digest()


def _generator(cache: Path | None, hasher: Hasher) -> SimpleNamespace:
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(cache)} if cache else {}
    generator = SimpleNamespace(settings=settings, _filestamp_func=hasher,
                                readers=SimpleNamespace(_filestamp_func=hasher))
    remember_stamps(generator)
    return generator


def _files(tmp_path: Path) -> tuple[Path, Path]:
    one, two = tmp_path / "one.md", tmp_path / "two.md"
    one.write_text("Title: one\n\nText.\n", encoding="utf-8")
    two.write_text("Title: two\n\nText.\n", encoding="utf-8")
    return one, two


def test_each_file_is_hashed_once_for_generator_and_readers(tmp_path: Path) -> None:
    one, two = _files(tmp_path)
    hasher = Hasher()
    generator = _generator(None, hasher)
    first = generator._filestamp_func(str(one))
    assert generator.readers._filestamp_func(str(tmp_path / "." / "one.md")) == first
    assert generator._filestamp_func(str(two)) != first
    assert hasher.hashed == [str(one), str(two)]


def test_a_build_without_hashing_is_left_alone() -> None:
    generator = SimpleNamespace(settings={}, _filestamp_func=None, readers=SimpleNamespace())
    remember_stamps(generator)
    assert generator._filestamp_func is None


def test_a_later_build_hashes_only_files_whose_stamp_changed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stamps, "RACY_NS", 0)  # as if the files were written long ago
    one, two = _files(tmp_path)
    first = _generator(tmp_path / "cache", Hasher())
    hashes = [first._filestamp_func(str(path)) for path in (one, two)]
    save_stamps(first)
    before = two.stat()
    two.write_text("Title: owt\n\nText.\n", encoding="utf-8")  # same size, then same mtime
    os.utime(two, ns=(before.st_atime_ns, before.st_mtime_ns))
    hasher = Hasher()
    later = _generator(tmp_path / "cache", hasher)
    assert later._filestamp_func(str(one)) == hashes[0]
    assert later._filestamp_func(str(two)) == hashlib.md5(two.read_bytes()).digest() != hashes[1]
    assert hasher.hashed == [str(two)]


def test_stamps_not_settled_are_not_kept(tmp_path: Path) -> None:
    one, _ = _files(tmp_path)
    first = _generator(tmp_path / "cache", Hasher())
    first._filestamp_func(str(one))
    save_stamps(first)
    hasher = Hasher()
    _generator(tmp_path / "cache", hasher)._filestamp_func(str(one))
    assert hasher.hashed == [str(one)]


def test_hashes_that_cannot_be_kept_are_a_warning(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    one, _ = _files(tmp_path)
    (tmp_path / "cache").write_text("a file where the cache folder should be", encoding="utf-8")
    generator = _generator(tmp_path / "cache", Hasher())
    generator._filestamp_func(str(one))
    generator.kept_hashes[1][str(one)] = (None, b"")  # as if settled
    save_stamps(generator)
    assert "Could not save" in caplog.text
