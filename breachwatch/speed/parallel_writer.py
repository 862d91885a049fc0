"""Pelican's writer, rendering every page on every core.

Rendering pages is most of a build once the content cache is warm, and Pelican does it on one
core. This writer holds back each page until every generator has queued its own (the last
generator, FlushPages, says when), then forks: every process renders its share of the pages
into the output folder. Generators change the shared context only while building it, before
any page is queued, so a held-back page renders as it would have at once. Pages are the same
bytes as a one-core build; anything unusual (two pages for one path, a single core, a handful
of pages) falls back to Pelican's own sequential writing.

Files that are not pages (the open data) can be written by a forked process of their own
(`in_background`) while the pages are queued and rendered; flush() waits for it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass
from typing import Any

from feedgenerator import get_tag_uri
from pelican.utils import sanitised_join
from pelican.writers import Writer

from breachwatch.schema import SHOWN_CONFIDENCES
from breachwatch.speed.page_reuse import PageReuse, PreviousOrRendered
from breachwatch.speed.parallel import cores, start_forked, wait_all, workers_for

# Errors of the rendering processes are logged here, where the build counts Pelican's errors.
logger = logging.getLogger("pelican.writers")
# Below this many pages, forking costs more than it saves.
FORK_THRESHOLD = 64
# What Pelican's feed writing reads from the context (the settings it reads are in the key of
# the cache folder the page keys live in).
FEED_CONTEXT = ("SITEURL", "SITENAME", "SITESUBTITLE", "FEED_DOMAIN")


@dataclass
class _Call:
    """One held-back write_file call."""

    args: tuple
    kwargs: dict[str, Any]

    @property
    def name(self) -> str:
        """The output path relative to the output folder."""
        return self.args[0]


class _Errors(logging.Handler):
    """In a forked renderer, keeps each error record's message for the parent."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        """Keep the message as one line (newlines flattened)."""
        self.messages.append(" ".join(record.getMessage().split()))


def _dated(article: Any) -> bool:
    """Tell whether an article's date is shown to readers, not only guessed."""
    return article.metadata.get("date_confidence", "high") in SHOWN_CONFIDENCES


class ParallelWriter(Writer):
    """A Writer that renders the pages it holds back in several processes."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pending: list[_Call] = []
        self.linked: dict[str, _Call] = {}  # reused pages, rendered if linking them fails
        self.background: list[tuple[str, Any]] = []
        self.reuse = PageReuse(self.settings, self.output_path)

    def in_background(self, name: str, function, *args: Any) -> None:
        """Run `function(*args)` in a forked process until flush(), or now on one core.

        The function must only write files: what it changes in memory is lost."""
        if cores() < 2:
            function(*args)
            return
        self.background.append((name, start_forked(function, *args)))

    def _join_background(self) -> None:
        """Wait for every background job; the first failure is raised naming its job."""
        for name, error in wait_all(self.background)[:1]:
            raise RuntimeError(f"{name}: {error}")

    def write_file(self, name, template, context, *args, **kwargs):
        """Reuse an unchanged article page, or hold back the page until flush()."""
        if not name:
            return super().write_file(name, template, context, *args, **kwargs)
        if self.reuse.reuse(name, context, kwargs):
            self._written_files.add(sanitised_join(self.output_path, name))
            self.linked[name] = _Call((name, template, context, *args), kwargs)
            return None
        if not args:
            reusable = self.reuse.list_pages(name, self.settings, context, kwargs)
            if reusable:
                template = PreviousOrRendered(template, self.reuse.previous, reusable)
        self.pending.append(_Call((name, template, context, *args), kwargs))
        return None

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom",
                   override_output=False, feed_title=None):
        """Link an unchanged feed from the previous build, or write it as Pelican does."""
        articles = context.get("articles", [])
        if getattr(self, "dated_from", None) is not articles:  # once a build, not once a feed
            self.dated_from = articles
            self.latest_dated = max((a.date for a in articles if _dated(a)), default=None)
        if path and not override_output:
            complete = sanitised_join(self.output_path, path)
            fresh = complete not in self._written_files and complete not in self._overridden_files
            items = elements[: self.settings["FEED_MAX_ITEMS"]]
            details = (url, feed_type, feed_title, [context.get(name) for name in FEED_CONTEXT],
                       str(self.latest_dated))  # the update time of its undated entries
            if fresh and self.reuse.feed(path, items, details):
                self._written_files.add(complete)
                return None
        return super().write_feed(elements, context, path, url, feed_type, override_output,
                                  feed_title)

    def _add_item_to_the_feed(self, feed, item) -> None:
        """Pelican's feed entry; an article whose date is only guessed gets no publication date
        (a guess is not a date) and, as Atom needs an update time, the newest date the site
        shows: it was on the site by then, and the build stays reproducible."""
        super()._add_item_to_the_feed(feed, item)
        if _dated(item):
            return
        entry = feed.items[-1]
        entry["updateddate"] = getattr(self, "latest_dated", None) or entry["pubdate"]
        entry["pubdate"] = None
        entry["unique_id"] = get_tag_uri(entry["link"], None)  # its id names no date

    def _paths(self, calls: list[_Call]) -> list[str]:
        """Absolute output paths of held-back calls."""
        return [sanitised_join(self.output_path, call.name) for call in calls]

    def flush(self) -> None:
        """Render every held-back page (and any reused page that could not be linked), on all
        cores when that is safe and worth it, and wait for the background jobs."""
        try:
            for name in sorted(self.reuse.unlinked()):
                call = self.linked[name]
                path = sanitised_join(self.output_path, name)
                # A failed linker may have linked it after all: writing through that link
                # would change the live site's copy, so the link goes first.
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
                self._written_files.discard(path)
                self.pending.append(call)
            self._render_pending()
        finally:
            self._join_background()

    def _render_pending(self) -> None:
        """Render every held-back page."""
        pending, self.pending = self.pending, []
        workers = workers_for(len(pending), FORK_THRESHOLD)
        paths = self._paths(pending)
        seen = self._written_files | self._overridden_files
        if not workers or len(set(paths)) != len(paths) or seen.intersection(paths):
            for call in pending:
                super().write_file(*call.args, **call.kwargs)
            return
        shares = [pending[index::workers] for index in range(workers)]
        children = [start_forked(self._render_share, share) for share in shares[1:]]
        failure: BaseException | None = None
        try:
            for call in shares[0]:
                super().write_file(*call.args, **call.kwargs)
        except BaseException as error:  # noqa: BLE001 - children are reaped before re-raising
            failure = error
        for wait in children:
            try:
                for message in wait():
                    logger.error("%s", message)
            except RuntimeError as error:
                failure = failure or error
        if failure is not None:
            raise failure
        for call, path in zip(pending, paths, strict=True):
            self._written_files.add(path)
            if call.kwargs.get("override_output"):
                self._overridden_files.add(path)

    def _render_share(self, share: list[_Call]) -> list[str]:
        """Render `share` (in a forked process); the error messages it logged on the way."""
        errors = _Errors()
        logging.getLogger().addHandler(errors)
        for call in share:
            Writer.write_file(self, *call.args, **call.kwargs)
        return errors.messages


def in_background(writer: Writer, name: str, function, *args: Any) -> None:
    """`function(*args)` in the writer's background process if it has one (else now)."""
    if isinstance(writer, ParallelWriter):
        writer.in_background(name, function, *args)
    else:
        function(*args)


class FlushPages:
    """The last generator: renders the pages the writer held back, before `finalized`."""

    def __init__(self, **_: Any) -> None:
        """Pelican passes every generator its context and settings; this one needs neither."""

    def generate_output(self, writer: Writer) -> None:
        """Render every held-back page, then keep the page keys for the next build."""
        if isinstance(writer, ParallelWriter):
            writer.flush()
            writer.reuse.save()
            if writer.reuse.reused:
                logger.info("%d pages unchanged, reused", writer.reuse.reused)
