"""Keep results of pure per-article computations between builds, so a rebuild redoes only
the articles that changed.

Figures and case facts are extracted from every article on every build; their inputs (an
article's text, date and forces) rarely change. Results are stored by a digest of the function
and its arguments in the site's store (speed/store.py), named after our code, data and
settings, so a change to any starts an empty memo. Only entries used by a successful build are kept
(a few unused ones may wait in the file for the next build that rewrites it).
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pelican import signals

from breachwatch.speed import store
from breachwatch.speed.fingerprint import package_fingerprint
from breachwatch.speed.parallel import map_calls

MEMO_NAME = "article_memo.pickle"
T = TypeVar("T")

_open: dict[str, _Memo] = {}


class _Memo:
    """One cache folder's stored results, and those used by the current build.

    A build that changes few entries (one article edited) writes only those, to a journal
    beside the file, instead of rewriting all of them; a larger change folds the journal in.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored: dict[str, Any] = store.read(path)
        self.in_file = set(self.stored)
        journal = store.read_journal(path)
        self.in_journal = set(journal)
        self.stored.update(journal)
        self.used: dict[str, Any] = {}
        self.loaded = set(self.stored)

    def save(self) -> None:
        """Write the entries this build used, in one step (unless they are the files' own)."""
        if self.used.keys() == self.loaded and self.path.exists():
            return
        added = {key: value for key, value in self.used.items() if key not in self.in_file}
        unused = len(self.in_file - self.used.keys())
        if store.journal_will_do(self.path, len(added) + unused, len(self.used)):
            if added.keys() != self.in_journal:
                store.write_journal(self.path, added)
            return
        store.write(self.path, self.used)  # a crash before the journal goes leaves valid entries


def enabled(settings: dict) -> bool:
    """Whether results are remembered: only with Pelican's content cache, which holds them."""
    return bool(settings.get("CACHE_CONTENT") and settings.get("CACHE_PATH"))


def _memo(settings: dict) -> _Memo | None:
    """The memo of this build's cache folder, or None without Pelican's content cache."""
    if not enabled(settings):
        return None
    path = str(Path(settings["CACHE_PATH"]) / MEMO_NAME)
    return _open.get(path) or _open.setdefault(path, _Memo(Path(path)))


def call_key(function: Callable[..., Any], args: tuple) -> str:
    """Digest of the code version, the function's name and its arguments."""
    name = f"{function.__module__}.{function.__qualname__}"
    return hashlib.sha256(pickle.dumps((package_fingerprint(), name, args), protocol=4)).hexdigest()


def remembered_all(settings: dict, function: Callable[..., T], calls: list[tuple]) -> list[T]:
    """`function(*args)` for every call, in order; calls not remembered run on all cores."""
    memo = _memo(settings)
    if memo is None:
        return map_calls(function, calls)
    keys = [call_key(function, args) for args in calls]
    missing = {key: args for key, args in zip(keys, calls, strict=True) if key not in memo.stored}
    memo.stored.update(zip(missing, map_calls(function, list(missing.values())), strict=True))
    for key in keys:
        memo.used[key] = memo.stored[key]
    return [memo.stored[key] for key in keys]


def keep(settings: dict, results: dict[str, Any]) -> None:
    """Keep results computed elsewhere (by call_key), for remembered_all to find."""
    memo = _memo(settings)
    if memo is not None:
        memo.stored.update(results)


def save_memos(_pelican=None) -> None:
    """At the end of a build, keep what it used and forget the rest."""
    while _open:
        _, memo = _open.popitem()
        memo.save()


signals.finalized.connect(save_memos)
