"""Reuse an article page of the previous build when nothing it shows has changed.

Rendering the article pages is most of a rebuild, and after one edit almost all of them are
unchanged. Each article page gets a key: a digest of everything article.html shows (the
article, its figures, related articles, neighbours, case and the menu) and of the theme. The
cache folder, named after our code, data and settings, holds the keys of the live output; a
page whose key is unchanged is hard-linked from there instead of rendered. A key that cannot
be computed the same way twice only costs a render, never a stale page.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from datetime import date, datetime
from pathlib import Path
from typing import Any

# Keys of the pages in the live output, and those of the build in progress.
KEYS_FILE = "page-keys.pickle"
NEXT_SUFFIX = ".next"
DATE_FIELDS = ("date_basis", "date_rule", "date_confidence", "date_precision")


_PLAIN = frozenset({str, int, float, bool, type(None)})


def stable(value: Any) -> Any:
    """A picklable form of a value that is the same in every build (taxonomy terms by slug)."""
    if type(value) in _PLAIN:  # most values: checked first, as this runs ~100 times a page
        return value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str | int | float | bool):  # subclasses of the plain types
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = [stable(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, set | frozenset) else items
    if isinstance(value, dict):
        return sorted((str(key), stable(item)) for key, item in value.items())
    if hasattr(value, "slug") and hasattr(value, "name"):
        return ("term", value.slug, str(value.name), getattr(value, "url", ""))
    return (type(value).__name__, str(value))


def _linked(article: Any) -> tuple:
    """What a page shows of another article: link, title, date and status."""
    if article is None:
        return ()
    meta = article.metadata
    return (article.url, article.title, stable(article.date),
            [stable(meta.get(name)) for name in DATE_FIELDS], stable(article.case_status))


def article_page_inputs(article: Any, context: dict[str, Any]) -> tuple:
    """Everything article.html reads, as plain values."""
    case = getattr(article, "case", None)
    return (
        article.url, article.title, article._content, stable(article.date),
        stable(article.metadata), stable(article.case_status),
        [stable(getattr(article, name, None))
         for name in ("forces", "breaches", "outcomes", "standards", "evidence_anchors")],
        [(repr(f.figure), f.url, f.label, f.scope_name, f.period_label)
         for f in getattr(article, "figures", [])],
        [(_linked(r.article), r.same_case, list(r.shared))
         for r in getattr(article, "related", [])],
        _linked(getattr(article, "older_article", None)),
        _linked(getattr(article, "newer_article", None)),
        (case.url, case.name, len(case.articles)) if case else (),
        [(page.url, page.title) for page in context.get("pages", [])],
    )


def theme_digest(theme: str) -> str:
    """Digest of every file of the theme's templates."""
    digest = hashlib.sha256()
    templates = Path(theme) / "templates"
    for path in sorted(templates.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(templates)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class PageReuse:
    """Decides, page by page, whether the previous build's file can stand in for a render."""

    def __init__(self, settings: dict[str, Any], output_path: str) -> None:
        cache = settings.get("CACHE_PATH") if settings.get("CACHE_CONTENT") else None
        previous = settings.get("REUSE_PAGES_FROM")
        self.keys_file = Path(cache) / KEYS_FILE if cache else None
        self.previous = Path(previous) if previous and cache else None
        self.output = Path(output_path)
        self.old: dict[str, str] = self._load() if self.previous else {}
        self.new: dict[str, str] = {}
        self.theme = theme_digest(settings["THEME"]) if self.keys_file else ""
        self.reused = 0

    def _load(self) -> dict[str, str]:
        """The live output's page keys; none when the file is missing or unreadable."""
        try:
            with self.keys_file.open("rb") as handle:
                keys = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            return {}
        return keys if isinstance(keys, dict) else {}

    def reuse(self, name: str, context: dict[str, Any], kwargs: dict[str, Any]) -> bool:
        """Link the previous page into the output if its key is unchanged; tell whether it was."""
        article = kwargs.get("article")
        if self.keys_file is None or article is None or kwargs.get("paginated"):
            return False
        inputs = (self.theme, name, article_page_inputs(article, context))
        key = hashlib.sha256(pickle.dumps(inputs, protocol=4)).hexdigest()
        self.new[name] = key
        if self.previous is None or self.old.get(name) != key:
            return False
        target = self.output / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(self.previous / name, target)
        except OSError:
            return False
        self.reused += 1
        return True

    def save(self) -> None:
        """Write this build's keys beside the live ones; build.py installs them after the swap."""
        if self.keys_file is None:
            return
        self.keys_file.parent.mkdir(parents=True, exist_ok=True)
        with open(str(self.keys_file) + NEXT_SUFFIX, "wb") as handle:
            pickle.dump(self.new, handle, protocol=pickle.HIGHEST_PROTOCOL)


def install_keys(cache: Path, swap) -> None:
    """Run `swap` (staging becomes the output) with the page keys following it safely.

    The live keys go first, so a crash between the steps leaves no keys (everything renders
    next time) rather than keys that describe another output.
    """
    live = cache / KEYS_FILE
    live.unlink(missing_ok=True)
    swap()
    following = Path(str(live) + NEXT_SUFFIX)
    if following.exists():
        os.replace(following, live)
