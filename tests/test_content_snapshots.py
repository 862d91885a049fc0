"""A cached article is the article as Pelican made it, with this build's settings and context."""

from __future__ import annotations

import gc
import hashlib
from pathlib import Path

import pytest
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from breachwatch.speed import content_snapshots


class _Generator:
    """The part of a Pelican caching generator the plugin uses, keeping data in a dict."""

    def __init__(self, folder: Path) -> None:
        self.settings = {**DEFAULT_CONFIG, "CONTENT_CACHING_LAYER": "generator"}
        self.context: dict = {"articles": []}
        self.path = str(folder)
        self._cache: dict = {}  # filename: (stamp, data), as in Pelican

    def cache_data(self, filename, data) -> None:
        self._cache[filename] = ("stamp", data)

    def get_cached_data(self, filename, default=None):
        return self._cache.get(filename, (None, default))[1]


def _article(generator: _Generator, name: str = "one.md") -> Article:
    metadata = {"title": "Officer sacked", "slug": "officer-sacked", "forces": "Kent Police",
                "sentences": ["One.", "Two."]}
    return Article("<p>One. Two.</p>", metadata=metadata, settings=generator.settings,
                   source_path=str(Path(generator.path) / name), context=generator.context)


@pytest.fixture(autouse=True)
def _collector_on():
    yield
    gc.enable()
    gc.unfreeze()


def test_a_cached_article_is_the_one_cached_with_this_builds_settings(tmp_path: Path) -> None:
    generator = _Generator(tmp_path)
    content_snapshots.keep_snapshots(generator)
    article = _article(generator)
    generator.cache_data("one.md", article)
    assert isinstance(generator._cache["one.md"][1], bytes)

    later = _Generator(tmp_path)  # the next build: new settings and context objects
    later._cache = generator._cache
    content_snapshots.keep_snapshots(later)
    again = later.get_cached_data("one.md")
    assert type(again) is Article
    assert (again.title, again.slug, again.content, again.metadata) == (
        article.title, article.slug, article.content, article.metadata)
    assert again.settings is later.settings and again._context is later.context
    assert again.date_format == article.date_format


def test_what_plugins_do_to_an_article_after_it_is_cached_is_not_kept(tmp_path: Path) -> None:
    generator = _Generator(tmp_path)
    content_snapshots.keep_snapshots(generator)
    article = _article(generator)
    generator.cache_data("one.md", article)
    article.case = object()  # as the cases plugin would, later in the build
    article.metadata["forces"] = ["a term object"]
    article.sentences.append("Three.")
    again = generator.get_cached_data("one.md")
    assert not hasattr(again, "case")
    assert again.metadata["forces"] == "Kent Police"
    assert again.sentences == ["One.", "Two."]


def test_an_article_cached_from_another_content_folder_is_read_again(tmp_path: Path) -> None:
    generator = _Generator(tmp_path / "content")
    content_snapshots.keep_snapshots(generator)
    generator.cache_data("one.md", _article(generator))
    moved = _Generator(tmp_path / "elsewhere")
    moved._cache = generator._cache
    content_snapshots.keep_snapshots(moved)
    assert moved.get_cached_data("one.md", "read it") == "read it"


@pytest.mark.parametrize("kept", [b"not a pickle", ("an old", "reader-level entry")])
def test_a_snapshot_that_cannot_be_read_means_reading_the_file(tmp_path: Path, kept) -> None:
    generator = _Generator(tmp_path)
    content_snapshots.keep_snapshots(generator)
    generator._cache["one.md"] = ("stamp", kept)
    assert generator.get_cached_data("one.md", "read it") == "read it"


def test_articles_made_in_advance_answer_only_for_the_bytes_they_came_from(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    generator = _Generator(tmp_path)
    content_snapshots.keep_snapshots(generator)
    for name in ("one.md", "two.md"):
        generator.cache_data(name, _article(generator, name))
    made: list[bytes] = []
    restore = content_snapshots.restore
    monkeypatch.setattr(content_snapshots, "restore",
                        lambda data, *args: made.append(data) or restore(data, *args))
    later = _Generator(tmp_path)
    later._cache = dict(generator._cache)
    content_snapshots.keep_snapshots(later)  # in a build, while the ingest runs
    assert len(made) == 2 and gc.isenabled()
    assert gc.get_freeze_count() > 0  # long-lived: no collection walks them
    assert later.get_cached_data("one.md").source_path.endswith("one.md")
    assert len(made) == 2  # answered by the article made in advance
    changed = _article(later, "two.md")
    changed.title = "Officer dismissed"
    later.cache_data("two.md", changed)  # the file changed, and was read, meanwhile
    assert later.get_cached_data("two.md").title == "Officer dismissed"
    assert len(made) == 3
    del later._cache["one.md"]  # a file the cache can no longer answer for
    assert later.get_cached_data("one.md", "read it") == "read it"


def test_the_reader_layer_is_left_to_pelican(tmp_path: Path) -> None:
    generator = _Generator(tmp_path)
    generator.settings["CONTENT_CACHING_LAYER"] = "reader"
    content_snapshots.keep_snapshots(generator)
    article = _article(generator)
    generator.cache_data("one.md", article)
    assert generator._cache["one.md"][1] is article


def test_the_digest_kept_with_a_snapshot_answers_only_for_its_own_html(tmp_path: Path) -> None:
    generator = _Generator(tmp_path)
    content_snapshots.keep_snapshots(generator)
    generator.cache_data("one.md", _article(generator))
    again = generator.get_cached_data("one.md")
    assert again.kept_digest[0] is again._content  # one string, as pickled
    digest = hashlib.sha256(again._content.encode()).hexdigest()
    assert content_snapshots.content_digest(again) == again.kept_digest[1] == digest
    again._content = again._content.replace("Two.", "Three.")  # as a plugin might
    changed = content_snapshots.content_digest(again)
    assert changed != digest
    assert changed == hashlib.sha256(again._content.encode()).hexdigest()
