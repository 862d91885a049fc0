"""Pelican's Markdown reader, converting every article on all cores with one Markdown per process.

Bodies of plain paragraphs, as ingest writes them, skip Python-Markdown (plain_markdown.py).

Pelican reads files one by one on one core, and Markdown conversion plus sentence anchoring is
most of a cold build. When Pelican reads its first article, every article whose cached reading is
stale is given to a pool of worker processes to convert (and, if the anchors plugin is on,
anchor), in the order Pelican will read them; while they work, Pelican reads, and the reader
takes each conversion as it arrives and only parses the metadata. The anchored HTML, sentences
and paragraphs are returned as reader output, so Pelican's content cache keeps them for warm
rebuilds and the anchors plugin, finding `sentences` already set, does not redo them.

Other per-article work can be done in the same workers, beside the conversion: a plugin
connects to `converted` and returns the calls it will make for that article; their results go
to the memo (breachwatch/speed/memo.py), where the plugin's own remembered_all finds them. A call
predicted wrongly (its arguments differ in the build) is simply made again.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import Any

from blinker import signal
from markdown import Markdown
from markdown.extensions.meta import MetaPreprocessor
from pelican import signals
from pelican.cache import FileStampDataCacher
from pelican.readers import MarkdownReader
from pelican.utils import get_date, pelican_open

from breachwatch.speed.memo import call_key, enabled, keep
from breachwatch.speed.parallel import POOL_THRESHOLD, fork_pool, workers_for
from breachwatch.speed.plain_markdown import convert

# Priority Python-Markdown's meta extension registers its preprocessor with.
META_PRIORITY = 27
ANCHORS_PLUGIN = "breachwatch.plugins.anchors"

_worker: dict[str, Any] = {}
# Sent in a conversion worker for each article, with `metadata` (Python-Markdown's Meta: lists
# of strings) and `extra` (the anchors plugin's sentences and body_paragraphs); a receiver
# returns the (function, args) calls to make there.
converted = signal("breachwatch.converted")


def raw_value(meta: dict[str, list[str]], name: str) -> Any:
    """A field of Python-Markdown's Meta as Pelican's Markdown reader passes it on."""
    values = meta.get(name) or []
    return values[0] if len(values) == 1 else values or None


def published(article: Any) -> date | None:
    """The article's date when the text gave one (to resolve 'last year', to date a case)."""
    if article.metadata.get("date_confidence") == "none":
        return None
    return article.date.date()


def raw_published(meta: dict[str, list[str]]) -> date | None:
    """published() from Python-Markdown's Meta, before Pelican reads the article;
    ValueError when its date cannot be read."""
    if raw_value(meta, "date_confidence") == "none":
        return None
    try:
        return get_date(str(raw_value(meta, "date")).replace("_", " ")).date()
    except OverflowError as error:
        raise ValueError(str(error)) from error


def _start_worker(markdown_settings: dict, anchor: bool, calls: bool) -> None:
    """Build this process's Markdown instance once."""
    _worker["markdown"] = Markdown(**markdown_settings)
    _worker["anchor"] = anchor
    _worker["calls"] = calls  # results of `converted` calls are kept (a memo to take them)


def _calls_results(meta: dict, extra: dict) -> dict[str, Any]:
    """The results of the calls `converted` receivers ask for, by memo key.

    A call that fails is left out: the plugin makes it again in the build and reports it."""
    results: dict[str, Any] = {}
    for _, calls in converted.send(None, metadata=meta, extra=extra):
        for function, args in calls or ():
            try:
                results[call_key(function, args)] = function(*args)
            except Exception:  # noqa: BLE001, S112 - see the docstring
                continue
    return results


def _convert(source_path: str) -> tuple[str, tuple[str, dict, dict, dict] | None]:
    """HTML, raw Meta, anchors' attributes and `converted` results of one file (runs in a
    worker process).

    A file that fails is returned as None, so the in-process reader meets the error again and
    Pelican reports it as usual.
    """
    markdown: Markdown = _worker["markdown"]
    try:
        with pelican_open(source_path) as text:
            content = convert(markdown, text)
        extra: dict[str, Any] = {}
        if _worker["anchor"]:
            from breachwatch.plugins.anchors import anchor_sentences  # noqa: PLC0415

            content, extra["sentences"], extra["body_paragraphs"] = anchor_sentences(content)
        meta = dict(getattr(markdown, "Meta", {}))
    except Exception:  # noqa: BLE001 - reported by the in-process retry
        return source_path, None
    results = _calls_results(meta, extra) if _worker["calls"] else {}
    return source_path, (content, meta, extra, results)


class ReusingMarkdownReader(MarkdownReader):
    """Reuses one Markdown instance per process and takes conversions prepared in parallel."""

    _shared: Markdown | None = None
    # Conversions the workers have sent, by path, and the stream of those still to come.
    prepared: dict[str, tuple[str, dict, dict, dict]] = {}
    stream: Iterator[tuple[str, tuple[str, dict, dict, dict] | None]] | None = None
    pool: ProcessPoolExecutor | None = None
    # The generator whose stale articles go to the pool when Pelican first reads one.
    owner: Any = None

    @classmethod
    def take(cls, path: str) -> tuple[str, dict, dict, dict] | None:
        """The workers' conversion of `path` (waiting for it), or None to convert here."""
        if path in cls.prepared:
            return cls.prepared.pop(path)
        while cls.stream is not None:
            try:
                done, result = next(cls.stream)
            except (StopIteration, BrokenProcessPool):
                cls.stream = None
                break
            if done == path:
                return result
            if result is not None:
                cls.prepared[done] = result
        return None

    @classmethod
    def stop(cls, _generator=None) -> None:
        """Forget unused conversions and let the workers go (once Pelican has read)."""
        if cls.pool is not None:
            cls.pool.shutdown(wait=True, cancel_futures=True)
        cls.pool, cls.stream, cls.prepared, cls.owner = None, None, {}, None

    def _markdown(self) -> Markdown:
        """The Markdown instance of this reader, built on first use."""
        if self._shared is None:
            self._shared = Markdown(**self.settings["MARKDOWN"])
        return self._shared

    def read(self, source_path):
        """Convert one file, or take its parallel conversion; metadata parsing is Pelican's."""
        markdown = self._markdown()
        self._source_path = source_path
        if ReusingMarkdownReader.owner is not None:
            start_pool(ReusingMarkdownReader.owner)
        found = ReusingMarkdownReader.take(os.path.abspath(source_path))
        if found is None:
            with pelican_open(source_path) as text:
                content = convert(markdown, text)
            meta, extra = getattr(markdown, "Meta", {}), {}
        else:
            content, meta, extra, results = found
            keep(self.settings, results)
        self._md = markdown
        try:
            metadata = self._parse_metadata(meta)
        finally:
            # Pelican's _parse_metadata deregisters the meta preprocessor; put it back.
            if "meta" not in markdown.preprocessors:
                markdown.preprocessors.register(MetaPreprocessor(markdown), "meta", META_PRIORITY)
        metadata.update(extra)
        return content, metadata


def use_reusing_reader(readers) -> None:
    """Swap in the reusing reader for every Markdown file extension."""
    for extension in ReusingMarkdownReader.file_extensions:
        readers.reader_classes[extension] = ReusingMarkdownReader


def cached(generator, path: str, full: str) -> bool:
    """Tell whether Pelican's content cache, at the layer in use, answers for the file."""
    if generator.settings.get("CONTENT_CACHING_LAYER") == "generator":
        return FileStampDataCacher.get_cached_data(generator, path, None) is not None
    return generator.readers.get_cached_data(full, (None, None))[0] is not None


def stale_articles(generator) -> list[str]:
    """Absolute paths of Markdown articles Pelican's content cache cannot answer, in the order
    Pelican reads them (that of its get_files, the same set built the same way)."""
    settings = generator.settings
    paths = generator.get_files(settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"])
    stale = []
    for path in paths:
        full = os.path.abspath(os.path.join(generator.path, path))
        if path.rsplit(".", 1)[-1] not in ReusingMarkdownReader.file_extensions:
            continue
        if not cached(generator, path, full):
            stale.append(full)
    return stale


def arm(generator) -> None:
    """Let the first article Pelican actually reads start the pool (the content folder may be
    written until Pelican starts reading, and a build whose cache answers all reads none)."""
    ReusingMarkdownReader.stop()
    ReusingMarkdownReader.owner = generator


def start_pool(generator) -> None:
    """Start converting every stale article in a pool of processes."""
    ReusingMarkdownReader.owner = None
    stale = stale_articles(generator)
    workers = workers_for(len(stale), POOL_THRESHOLD)
    if not workers:
        return
    reader = generator.readers.readers.get("md")
    markdown_settings = (reader.settings if reader else generator.settings)["MARKDOWN"]
    anchor = ANCHORS_PLUGIN in (str(p) for p in generator.settings.get("PLUGINS") or [])
    chunk = max(1, len(stale) // (workers * 32))
    pool = fork_pool(workers, _start_worker,
                     (markdown_settings, anchor, enabled(generator.settings)))
    ReusingMarkdownReader.pool = pool
    ReusingMarkdownReader.stream = pool.map(_convert, stale, chunksize=chunk)


def register() -> None:
    """Pelican plugin entry point."""
    signals.readers_init.connect(use_reusing_reader)
    signals.article_generator_init.connect(arm)
    signals.article_generator_pretaxonomy.connect(ReusingMarkdownReader.stop)
