"""Hard-link unchanged pages of the live site into the new build, in a process of its own.

A rebuild after one edit reuses nearly every article page; making its folder and linking it
are two system calls a page, a second of the rebuild at 10,000 articles. PageLinker hands the
page paths (NUL-separated) through a pipe to a forked process that makes those calls while
the build goes on deciding which pages to reuse, never waiting for it; finish() waits for it
and names the pages it could not link, which the build then renders instead.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from breachwatch.speed.parallel import close_input, start_forked_reading

SEPARATOR = b"\0"
# Bytes of page paths gathered before they are offered to the linking process.
BATCH_BYTES = 16384


def link_pages(previous: str, output: str, names: Iterable[str]) -> Iterator[str]:
    """Link each page from `previous` into `output`, making folders; yield those that failed."""
    made: set[str] = set()
    for name in names:
        target = os.path.join(output, name)
        folder = os.path.dirname(target)
        try:
            if folder not in made:
                os.makedirs(folder, exist_ok=True)
                made.add(folder)
            os.link(os.path.join(previous, name), target)
        except OSError:
            yield name


def _names(stream) -> Iterator[str]:
    """The NUL-separated names on a byte stream, as they arrive."""
    rest = b""
    for chunk in iter(lambda: stream.read1(65536), b""):
        *complete, rest = (rest + chunk).split(SEPARATOR)
        yield from (name.decode("utf-8", "surrogateescape") for name in complete if name)
    if rest:
        yield rest.decode("utf-8", "surrogateescape")


def _link_all(stream, previous: str, output: str) -> list[str]:
    """In the linking process: link the pages named on `stream` until it ends; those not
    linked (read only at the end: a full pipe meanwhile would stop both processes)."""
    return list(link_pages(previous, output, _names(stream)))


class PageLinker:
    """Pages to link, handed to a linking process as they are decided, without waiting for it:
    names it cannot take yet are kept until it can, or until finish()."""

    def __init__(self, previous: str, output: str) -> None:
        self.sent: list[str] = []
        self.pending = bytearray()  # names the pipe has not taken yet
        try:
            self.pipe: int | None
            self.pipe, self.wait = start_forked_reading(_link_all, previous, output)
        except OSError:
            self.pipe = None  # no process to spare: every link() says so
        else:
            os.set_blocking(self.pipe, False)

    def link(self, name: str) -> bool:
        """Queue a page; False if there is no linking process (the caller links it itself)."""
        if self.pipe is None:
            return False
        self.pending += name.encode("utf-8", "surrogateescape") + SEPARATOR
        self.sent.append(name)
        if len(self.pending) >= BATCH_BYTES:
            self._send()
        return True

    def _send(self) -> None:
        """Hand over as much as the pipe takes now."""
        try:
            written = os.write(self.pipe, self.pending)
        except BlockingIOError:
            return  # the process is busy linking: try again with the next batch
        except OSError:
            written = len(self.pending)  # it ended early: finish() counts these as not linked
        del self.pending[:written]

    def finish(self) -> set[str]:
        """Hand over the rest, wait for the linking process; the queued pages it did not link."""
        if self.pipe is None:
            return set()
        os.set_blocking(self.pipe, True)
        while self.pending:
            self._send()
        close_input(self.pipe)
        self.pipe = None
        try:
            return set(self.wait())
        except RuntimeError:
            return set(self.sent)
