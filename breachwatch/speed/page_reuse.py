"""Reuse a page of the previous build when nothing it shows has changed.

Rendering pages is most of a rebuild, and after one edit almost all of them are unchanged.
Each article page gets a key: a digest of everything article.html shows (the article, related
articles, neighbours, case and the menu) and of the theme; so does each
later page (2, 3, ...) of the home, term (force, breach type) and all-articles lists, from the
articles it lists (and, for the home pages, the key figures and counts beside the list), and
each feed, from its entries. The first page of a term's list adds what it shows
of all the term's articles (their terms in every taxonomy) and the term's charts.
The cache folder, named after our code, data and settings, holds the keys of the live output;
an article page or feed whose key is unchanged is hard-linked from there, a list page is copied
instead of rendered. A key that cannot be computed the same way twice only costs a render,
never a stale page.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.paginator import Paginator

from breachwatch.speed import store
from breachwatch.speed.content_snapshots import content_digest
from breachwatch.speed.link_pages import PageLinker
from breachwatch.taxonomy import entity_taxonomy, names

# Keys of the pages in the live output, and those of the build in progress.
KEYS_FILE = "page-keys.pickle"
# Paginated lists whose later pages can be reused (the home page's also show home_inputs).
LIST_TEMPLATES = frozenset({"index", "term", "archives"})
# Term lists whose first page is keyed too (term_inputs), and the taxonomies it may count by.
TERM_TEMPLATES = frozenset({"term"})
NEXT_SUFFIX = ".next"
DATE_FIELDS = ("date_basis", "date_rule", "date_confidence", "date_precision")
# Metadata the anchors plugin derives from the article's HTML, which the key holds already.
FROM_CONTENT = frozenset({"sentences", "body_paragraphs"})
# Pelican's intra-site link syntax ({filename}x.md, |static|y.png) in an article's HTML.
PELICAN_LINK_MARKS = ("{", "|")
_PLAIN = frozenset({str, int, float, bool, type(None)})
_PLAIN_BASES = (str, int, float, bool)
_DATES = (datetime, date)
_SETS = (set, frozenset)
_SEQUENCES = (list, tuple, set, frozenset)


def stable(value: Any) -> Any:
    """A picklable form of a value that is the same in every build (taxonomy terms by slug)."""
    kind = type(value)  # exact types first, as this runs ~50 times a page
    if kind in _PLAIN:
        return value
    if kind is list or kind is tuple:
        return [stable(item) for item in value]
    if kind is dict:
        return sorted((str(key), stable(item)) for key, item in value.items())
    if isinstance(value, _DATES):
        return value.isoformat()
    if isinstance(value, _PLAIN_BASES):  # subclasses of the plain types
        return value
    if isinstance(value, _SEQUENCES):
        items = [stable(item) for item in value]
        return sorted(items, key=repr) if isinstance(value, _SETS) else items
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


def article_page_inputs(article: Any, context: dict[str, Any],
                        linked: Callable[[Any], tuple] = _linked) -> tuple:
    """Everything article.html reads, as plain values.

    What our plugins work out from the article's own HTML and metadata alone (its terms,
    evidence anchors, figures) is left out: the key holds those, and the keys' folder is named
    after the code and data that work them out.
    """
    case = getattr(article, "case", None)
    return (
        article.url, article.title, content_digest(article), stable(article.date),
        stable({k: v for k, v in article.metadata.items() if k not in FROM_CONTENT}),
        [(linked(r.article), r.same_case, list(r.shared))
         for r in getattr(article, "related", [])],
        linked(getattr(article, "older_article", None)),
        linked(getattr(article, "newer_article", None)),
        (case.url, case.name, len(case.articles)) if case else (),
        [(page.url, page.title) for page in context.get("pages", [])],
    )


def feed_item_inputs(article: Any) -> tuple:
    """Everything a feed entry shows of an article: link, title, text, date and metadata."""
    return (article.url, article.title, content_digest(article), stable(article.date),
            stable({k: v for k, v in article.metadata.items() if k not in FROM_CONTENT}))


def _listed(article: Any, linked: Callable[[Any], tuple] = _linked) -> tuple:
    """What a list shows of an article: _linked(), its publisher and its subjects (forces)."""
    return (linked(article), article.metadata.get("publisher"),
            [term.name for term in getattr(article, entity_taxonomy().name, [])])


def list_page_inputs(page: Any, paginator: Any, kwargs: dict[str, Any],
                     context: dict[str, Any], listed: Callable[[Any], tuple] = _listed) -> tuple:
    """Everything a later page of a list shows: its articles, the term, the page numbers."""
    term = kwargs.get("term")
    return (
        page.save_as, page.number, paginator.num_pages, paginator.count,
        [listed(article) for article in page.object_list],
        (stable(term), getattr(term, "definition", None)) if term is not None else (),
        [(p.url, p.title) for p in context.get("pages", [])],
    )


def home_inputs(context: dict[str, Any]) -> tuple:
    """What every home page shows beside its list: key figures and counts by term."""
    return (
        [(repr(f.figure), f.url, f.label, f.excerpt, f.scope_name, f.period_label)
         for f in context.get("headline_figures", [])],
        [[(stable(term), len(items)) for term, items in context.get(name, [])]
         for name in names()],
    )


def _terms(article: Any) -> list:
    """An article's terms in every taxonomy a list page may count by."""
    return [stable(getattr(article, field, [])) for field in (*names(), "outcomes", "standards")]


def term_inputs(kwargs: dict[str, Any], context: dict[str, Any],
                terms: Callable[[Any], list] = _terms) -> tuple:
    """What the first page of a term's list shows of all its articles, whatever it counts of
    them: their terms in every taxonomy, and the term's charts (frozen dataclasses of plain
    values)."""
    articles, term = kwargs.get("articles") or [], kwargs.get("term")
    charts = (context.get("term_charts") or {}).get(getattr(term, "url", None), [])
    return [terms(article) for article in articles], [repr(chart) for chart in charts]


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
        self.linker: PageLinker | None = None  # links accepted article pages meanwhile
        # What pages show of each article, worked out once: by function and id(article), as
        # articles live as long as the build.
        self._shown: dict[tuple[Callable, int], Any] = {}

    def _once(self, make: Callable[..., Any], article: Any, *args: Any) -> Any:
        """make(article, *args), the first time it is asked for this article."""
        key = (make, id(article))
        found = self._shown.get(key)
        if found is None:
            found = self._shown[key] = make(article, *args)
        return found

    def _linked(self, article: Any) -> tuple:
        """_linked(article), worked out once (each article is shown on ~15 pages)."""
        return () if article is None else self._once(_linked, article)

    def _listed(self, article: Any) -> tuple:
        """_listed(article), worked out once (each article is on a few list pages)."""
        return self._once(_listed, article, self._linked)

    def _terms(self, article: Any) -> list:
        """_terms(article), worked out once (each article is on a few term pages)."""
        return self._once(_terms, article)

    def _load(self) -> dict[str, str]:
        """The live output's page keys; none when the file is missing or unreadable."""
        return store.read(self.keys_file)

    def reuse(self, name: str, context: dict[str, Any], kwargs: dict[str, Any]) -> bool:
        """Tell whether the previous page stands in for this one: its key is unchanged. It is
        linked into the output in the background; see unlinked()."""
        article = kwargs.get("article")
        if self.keys_file is None or article is None or kwargs.get("paginated"):
            return False
        if any(mark in article._content for mark in PELICAN_LINK_MARKS):
            return False  # {filename}-style links follow other pages' URLs: always render
        key = self._key(name, article_page_inputs(article, context, self._linked))
        self.new[name] = key
        if not self._unchanged(name, key):
            return False
        if self.linker is None:
            self.linker = PageLinker(str(self.previous), str(self.output))
        if not self.linker.link(name):
            return self._link_previous(name, key)
        self.reused += 1
        return True

    def unlinked(self) -> set[str]:
        """Wait until the pages reuse() accepted are linked; those that could not be."""
        if self.linker is None:
            return set()
        failed = self.linker.finish()
        self.linker = None
        self.reused -= len(failed)
        return failed

    def feed(self, path: str, items: list[Any], details: tuple) -> bool:
        """Link the previous build's feed if its items and `details` are unchanged; tell
        whether it was."""
        if self.keys_file is None or signals.feed_generated.receivers or (
                signals.feed_written.receivers) or any(
                mark in item._content for item in items for mark in PELICAN_LINK_MARKS):
            return False  # a plugin sees each feed written, or links follow other pages
        key = self._key("feed", path, details, [feed_item_inputs(item) for item in items])
        self.new[path] = key
        return self._link_previous(path, key)

    def _link_previous(self, name: str, key: str) -> bool:
        """Hard-link the previous build's file `name` into the output if its key was `key`."""
        if not self._unchanged(name, key):
            return False
        target = self.output / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(self.previous / name, target)
        except OSError:
            return False
        self.reused += 1
        return True

    def _unchanged(self, name: str, key: str) -> bool:
        """Tell whether the live site's file `name` was made from inputs with this key."""
        return self.previous is not None and self.old.get(name) == key

    def _key(self, *inputs: Any) -> str:
        """Digest of a page's inputs and the theme."""
        return hashlib.sha256(pickle.dumps((self.theme, *inputs), protocol=4)).hexdigest()

    def list_pages(self, name: str, settings: dict[str, Any], context: dict[str, Any],
                   kwargs: dict[str, Any]) -> set[str]:
        """The later pages of a paginated list call whose previous copy is still right."""
        template = kwargs.get("template_name")
        articles = kwargs.get("articles")
        if self.keys_file is None or template not in LIST_TEMPLATES or not articles or (
                template not in settings["PAGINATED_TEMPLATES"]):
            return set()
        per_page = settings["PAGINATED_TEMPLATES"][template] or settings["DEFAULT_PAGINATION"]
        paginator = Paginator(name, kwargs.get("url"), articles, settings, per_page)
        extras = home_inputs(context) if template == "index" else ()
        first = 1 if template in TERM_TEMPLATES else 2
        reusable = set()
        for number in range(first, paginator.num_pages + 1):
            page = paginator.page(number)
            shown = term_inputs(kwargs, context, self._terms) if number == 1 else ()
            key = self._key(template, extras, shown,
                            list_page_inputs(page, paginator, kwargs, context, self._listed))
            self.new[page.save_as] = key
            if self._unchanged(page.save_as, key) and (self.previous / page.save_as).is_file():
                reusable.add(page.save_as)
        self.reused += len(reusable)
        return reusable

    def save(self) -> None:
        """Write this build's keys beside the live ones; build.py installs them after the swap."""
        if self.keys_file is None:
            return
        store.write(str(self.keys_file) + NEXT_SUFFIX, self.new)


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


class PreviousOrRendered:
    """A template that gives the previous build's copy of the pages it may reuse."""

    def __init__(self, template: Any, previous: Path, reusable: set[str]) -> None:
        self.template = template
        self.previous = previous
        self.reusable = reusable

    def render(self, context: dict[str, Any]) -> str:
        """The previous page's text (line endings kept) if reusable, else a fresh render."""
        name = context.get("output_file")
        if name in self.reusable:
            try:
                with open(self.previous / name, encoding="utf-8", newline="") as handle:
                    return handle.read()
            except OSError:
                pass
        return self.template.render(context)
