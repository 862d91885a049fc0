"""The ingest cache trusts file stamps only while they prove a file unchanged."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from conftest import SEEDS
from rich.console import Console

from breachwatch.ingest import run
from breachwatch.speed import ingest_cache, stamps
from breachwatch.speed.ingest_cache import CACHE_NAME, IngestCache, code_version

TODAY = date(2026, 1, 5)


def _ingest(tmp_path: Path) -> run.IngestReport:
    return run.ingest_all(tmp_path / "seeds", tmp_path / "content", tmp_path / "corrections",
                          TODAY, Console(file=io.StringIO()), store=tmp_path / "store")


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, folder / seed.name)
    return folder


@pytest.fixture
def old_stamps(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat every stamp as old enough to trust, as it is in a later session."""
    monkeypatch.setattr(stamps, "RACY_NS", 0)


def _reading_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("read a file whose stamp is unchanged")

    monkeypatch.setattr(ingest_cache, "seed_key", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)


def test_unchanged_files_are_neither_read_nor_rewritten(
        tmp_path: Path, seeds: Path, old_stamps: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _ingest(tmp_path)
    files = {path: path.read_bytes() for path in (tmp_path / "content" / "articles").iterdir()}
    _reading_forbidden(monkeypatch)
    again = _ingest(tmp_path)
    assert [a.metadata for a in again.articles] == [a.metadata for a in first.articles]
    assert again.written == 0 and not again.errors
    assert {path: path.read_bytes() for path in files} == files


def test_a_seed_changed_behind_an_unchanged_mtime_is_ingested_again(
        tmp_path: Path, seeds: Path, old_stamps: None) -> None:
    _ingest(tmp_path)
    seed = sorted(seeds.iterdir())[0]
    before = seed.stat()
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("police", "polise", 1), encoding="utf-8")  # same size
    os.utime(seed, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old mtime
    again = _ingest(tmp_path)
    (article,) = [a for a in again.articles if a.seed.name == seed.name]
    assert "polise" in " ".join(article.paragraphs) + article.metadata["title"]
    assert again.written == 1


def test_an_article_file_edited_by_hand_is_still_noticed(
        tmp_path: Path, seeds: Path, old_stamps: None) -> None:
    first = _ingest(tmp_path)
    path = tmp_path / "content" / "articles" / f"{first.articles[0].metadata['slug']}.md"
    edited = path.read_text(encoding="utf-8") + "\nAn editor's paragraph.\n"
    path.write_text(edited, encoding="utf-8")
    again = _ingest(tmp_path)
    assert path.read_text(encoding="utf-8") == edited
    assert any("edited by hand" in w for w in again.articles[0].warnings)


def test_a_deleted_article_file_is_written_again(
        tmp_path: Path, seeds: Path, old_stamps: None) -> None:
    first = _ingest(tmp_path)
    path = tmp_path / "content" / "articles" / f"{first.articles[1].metadata['slug']}.md"
    text = path.read_text(encoding="utf-8")
    path.unlink()
    again = _ingest(tmp_path)
    assert again.written == 1
    assert path.read_text(encoding="utf-8") == text


def test_stamps_as_young_as_the_save_are_not_kept(tmp_path: Path, seeds: Path) -> None:
    for seed in seeds.iterdir():
        os.utime(seed, ns=(0, 0))  # seeds from long ago; their change times are still new
    _ingest(tmp_path)
    cache = IngestCache(tmp_path / "store", code_version(TODAY))
    assert (tmp_path / "store" / CACHE_NAME).is_file() and cache.entries
    assert all(e.inputs is None and e.output is None for e in cache.entries.values())


def test_seeds_of_article_files_known_from_stamps_are_those_their_headers_record(
        tmp_path: Path, seeds: Path, old_stamps: None) -> None:
    (seeds / "odd   name.txt").write_text(  # a name its Seed: header line squeezes
        "Officer sacked for misusing records\n\nA Kent Police officer was sacked.\n",
        encoding="utf-8")
    _ingest(tmp_path)
    articles = tmp_path / "content" / "articles"
    (articles / "by-hand.md").write_text("Title: By hand\nSeed: x.txt\n\nText.\n", encoding="utf-8")
    cache = IngestCache(tmp_path / "store", code_version(TODAY))
    assert len(cache.writers()) == 4
    files = stamps.folder_stamps(articles, ".md")
    from_headers = run._recorded_seeds(articles, IngestCache(tmp_path / "x", ""), files)
    assert run._recorded_seeds(articles, cache, files) == from_headers
    assert "odd name.txt" in from_headers.values() and from_headers["by-hand"] == "x.txt"


def test_the_log_shows_what_this_run_extracted_or_warned_about(
        tmp_path: Path, seeds: Path, old_stamps: None) -> None:
    def ingest_log() -> str:
        out = Console(file=io.StringIO(), soft_wrap=True)
        run.ingest_all(seeds, tmp_path / "content", tmp_path / "corrections", TODAY, out,
                       store=tmp_path / "store")
        return out.file.getvalue()

    names = sorted(seed.name for seed in seeds.iterdir())
    first = ingest_log()
    assert all(f"({name})" in first for name in names)
    again = ingest_log()
    assert not any(f"({name})" in again for name in names)
    assert again.rstrip().endswith("3 articles from 3 seeds, 0 written, 0 failed")
    edited = seeds / names[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nA new closing line.\n",
                      encoding="utf-8")
    after_edit = ingest_log()
    assert [name for name in names if f"({name})" in after_edit] == [names[1]]
    article = next((tmp_path / "content" / "articles").glob("*.md"))
    article.write_text(article.read_text(encoding="utf-8") + "\nBy hand.\n", encoding="utf-8")
    warned = ingest_log()
    assert sum(f"({name})" in warned for name in names) == 1 and "edited by hand" in warned


def test_unchanged_results_are_not_unpickled(
        tmp_path: Path, seeds: Path, old_stamps: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _ingest(tmp_path)
    loads = []
    real = ingest_cache.pickle.loads
    monkeypatch.setattr(ingest_cache.pickle, "loads", lambda blob: loads.append(1) or real(blob))
    again = _ingest(tmp_path)
    assert [r.slug for r in again.ingested] == [a.metadata["slug"] for a in first.articles]
    assert loads == []
    assert [a.metadata for a in again.articles] == [a.metadata for a in first.articles]
    assert len(loads) == 3


def test_a_taken_slug_is_warned_about_when_it_is_given(tmp_path: Path, seeds: Path) -> None:
    for name, force in (("a.txt", "Kent Police"), ("b.txt", "Essex Police")):
        (seeds / name).write_text(f"Officer sacked for misusing records\n\nA {force} officer "
                                  "looked up records without a policing purpose.\n",
                                  encoding="utf-8")
    first = _ingest(tmp_path)
    second = _ingest(tmp_path)
    (renamed,) = [a for a in first.articles if any("taken" in w for w in a.warnings)]
    assert renamed.seed.name == "b.txt"
    assert not any("taken" in w for a in second.articles for w in a.warnings)
    assert [r.slug for r in second.ingested] == [a.metadata["slug"] for a in first.articles]
    assert [a.metadata["slug"] for a in second.articles] == [r.slug for r in second.ingested]
