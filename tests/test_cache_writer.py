"""Pelican's content cache written by a forked process is the file Pelican would write."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from pelican.cache import FileDataCacher

from breachwatch.speed import cache_writer, store


def _cacher(folder: Path) -> FileDataCacher:
    cacher = FileDataCacher({"CACHE_PATH": str(folder), "GZIP_CACHE": False}, "Readers", True,
                            False)
    for number in range(50):
        cacher.cache_data(f"articles/{number}.md", (f"<p>{number}</p>", {"title": str(number)}))
    return cacher


@pytest.fixture(autouse=True)
def _two_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_writer, "cores", lambda: 2)


def test_the_cache_written_in_the_background_is_pelicans(tmp_path: Path) -> None:
    ours, pelicans = _cacher(tmp_path / "ours"), _cacher(tmp_path / "pelican")
    cache_writer._saving_in_background(ours)()
    assert cache_writer._writing  # forked, not written yet as far as the build knows
    cache_writer.wait_for_writes()
    FileDataCacher.save_cache(pelicans)
    written = (tmp_path / "ours" / "Readers").read_bytes()
    assert written == (tmp_path / "pelican" / "Readers").read_bytes()
    assert pickle.loads(written) == ours._cache
    assert sorted(p.name for p in (tmp_path / "ours").iterdir()) == ["Readers"]


def test_a_failed_write_is_a_warning_and_keeps_the_old_cache(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    cacher = _cacher(tmp_path)
    (tmp_path / "Readers").write_bytes(b"the previous cache")
    (tmp_path / ("Readers" + store.TEMPORARY_SUFFIX)).mkdir()  # cannot be opened
    cache_writer._saving_in_background(cacher)()
    with caplog.at_level(logging.WARNING):
        cache_writer.wait_for_writes()
    assert "Could not save cache" in caplog.text
    assert (tmp_path / "Readers").read_bytes() == b"the previous cache"


def test_only_what_changed_is_written_and_a_small_change_goes_to_a_journal(
        tmp_path: Path) -> None:
    settings = {"CACHE_PATH": str(tmp_path), "GZIP_CACHE": False}
    cache_writer._saving_in_background(_cacher(tmp_path))()  # the first build writes it all
    cache_writer.wait_for_writes()
    cache_file = tmp_path / "Readers"
    journal = tmp_path / ("Readers" + store.JOURNAL_SUFFIX)
    written = cache_file.stat().st_mtime_ns

    def next_build() -> tuple[FileDataCacher, Callable[[], None]]:
        cacher = FileDataCacher(settings, "Readers", True, True)
        return cacher, cache_writer._saving_in_background(
            cacher, cache_writer._journaled(cacher, load=True))

    unchanged, save = next_build()
    save()
    assert not journal.exists() and cache_file.stat().st_mtime_ns == written
    edited, save = next_build()
    edited.cache_data("articles/3.md", ("<p>edited</p>", {"title": "3"}))
    save()
    assert journal.exists() and cache_file.stat().st_mtime_ns == written
    assert not cache_writer._writing  # nothing forked for a journal
    journal_written = journal.stat().st_mtime_ns
    next_build()[1]()  # a build that cached nothing leaves the journal as it is
    assert journal.stat().st_mtime_ns == journal_written
    many, save = next_build()
    assert many._cache == edited._cache != unchanged._cache  # the cache file and its journal
    for number in range(10):
        many.cache_data(f"articles/{number}.md", ("<p>again</p>", {"title": str(number)}))
    save()
    cache_writer.wait_for_writes()
    assert not journal.exists() and cache_file.stat().st_mtime_ns != written
    assert next_build()[0]._cache == many._cache
