"""Ingest a whole seeds folder into content/, reporting each article extracted in the run."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from breachwatch.datafiles import DataFileError
from breachwatch.ingest.article import Article, ingest_article, prepare
from breachwatch.ingest.corrections import corrections_path
from breachwatch.ingest.provenance import SOURCES_NAME, SourceRow, load_sources
from breachwatch.ingest.read import SeedError
from breachwatch.ingest.write import (
    edited_by_hand,
    header_value,
    is_hand_edited,
    recorded_digest,
    render_markdown,
    replace_file,
)
from breachwatch.schema import MetadataError
from breachwatch.speed.ingest_cache import IngestCache, Ingested, code_version, remembered
from breachwatch.speed.stamps import Stamp, file_stamp, folder_stamps
from breachwatch.taxonomy import names

SEED_SUFFIX = ".txt"
ARTICLE_SUFFIX = ".md"
# Show a progress bar when a batch is at least this large.
PROGRESS_THRESHOLD = 50
# Move the progress bar every this many seeds: each move costs more than a seed's bookkeeping.
PROGRESS_STEP = 10


@dataclass
class IngestReport:
    """What one ingest run did: articles written, problems, and files left alone."""

    ingested: list[Ingested] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    written: int = 0
    removed: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every seed became an article."""
        return not self.errors

    @property
    def articles(self) -> list[Article]:
        """Every article, in seed order (those from the cache are unpickled now)."""
        return [result.article for result in self.ingested]


def _plain(value: object) -> object:
    """Seed text is shown literally, never read as Rich console markup."""
    if isinstance(value, list):
        return [escape(str(item)) for item in value]
    return escape(value) if isinstance(value, str) else value


def _describe(article: Article, markup: bool = True) -> str:
    """One readable block per article for the ingest log, as Rich markup or as plain text."""
    plain = _plain if markup else (lambda value: value)
    literal = escape if markup else str
    bold, warning = ("[bold]{}[/bold]", "[yellow]warning[/yellow]") if markup else ("{}", "warning")
    meta = {key: plain(value) for key, value in article.metadata.items()}
    lines = [
        f"{bold.format(meta['slug'])}  ({literal(article.seed.name)})",
        f"  date      {meta['date']}  {meta['date_confidence']} confidence, "
        f"from: {meta['date_basis']}",
        f"  publisher {meta['publisher']}",
        *(f"  {name:<9} {', '.join(meta[name]) or '-'}" for name in names()),
        f"  outcomes  {', '.join(meta['outcomes']) or '-'}",
        f"  standards {', '.join(meta['standards']) or '-'}",
        f"  status    {meta['case_status']}",
    ]
    if meta.get("corrected"):
        lines.append(f"  corrected by editor: {', '.join(meta['corrected'])}")
    if meta.get("held"):
        lines.append("  held      for an editor's check (python -m breachwatch review)")
    lines += [f"  dropped   line {d.number} ({d.rule}): {literal(d.text)}"
              for d in article.dropped]
    lines += [f"  {warning}   {literal(w)}" for w in article.warnings]
    return "\n".join(lines)


def _print_article(console: Console, article: Article) -> None:
    """Print an article's block; into a log file, as plain text without Rich's slow rendering."""
    if console.is_terminal or not console.soft_wrap:
        console.print(_describe(article), highlight=False)
    else:  # what Rich would write here anyway: no colours, no wrapping
        console.file.write(_describe(article, markup=False) + "\n")


def _unique_slug(
    name: str, slug: str, taken: set[str], on_disk: dict[str, str], present: set[str],
    articles_dir: Path,
) -> str:
    """Keep slugs unique and URLs stable: a suffix from the seed's name if another seed has it.

    `on_disk` maps each article file's slug to the seed it records ("" if none). A file of a
    seed still present, or one kept by hand, is never taken over; a stale generated one is.
    """
    suffixed = f"{slug}-{hashlib.sha1(name.encode()).hexdigest()[:6]}"
    if on_disk.get(suffixed) == name:
        return suffixed  # the URL this article already has
    owner = on_disk.get(slug, name)
    held = owner != name and (owner in present or is_hand_edited(articles_dir / f"{slug}.md"))
    return suffixed if slug in taken or held else slug


def _name(entry: os.DirEntry) -> str:
    """A file's name: files of one folder sort by it as their paths would, only faster."""
    return entry.name


def _recorded_seeds(articles_dir: Path, cache: IngestCache,
                    files: dict[str, Stamp]) -> dict[str, str]:
    """Slug of every article file (`files`, by name) with the seed its header records ("" for
    none).

    A file the cache knows it wrote, untouched since, is not read: its seed is known.
    """
    seeds = {}
    writers = cache.writers()
    for name, stamp in files.items():
        slug = name[:-len(ARTICLE_SUFFIX)]
        writer = writers.get((name, stamp)) if writers else None
        if writer is not None:
            seeds[slug] = header_value(writer)  # as its Seed: line has it
            continue
        seeds[slug] = ""
        with (articles_dir / name).open(encoding="utf-8", errors="replace") as lines:
            for line in lines:
                if not line.strip():
                    break  # the metadata header ends at the first blank line
                if line.startswith("Seed: "):
                    seeds[slug] = line[len("Seed: "):].strip()
    return seeds


def list_seeds(seeds_dir: Path, report: IngestReport) -> dict[Path, Stamp]:
    """The seed files to ingest, sorted, with their stamps taken now, before any is read (a
    change while one is read shows next time); anything else in the folder is reported."""
    if not seeds_dir.is_dir():
        raise SystemExit(f"{seeds_dir}: seeds folder not found")
    with os.scandir(seeds_dir) as listing:
        entries = sorted(listing, key=_name)
    seeds = {}
    for entry in entries:
        if entry.name.startswith(".") or entry.name == SOURCES_NAME:
            continue
        if not entry.name.endswith(SEED_SUFFIX) or not entry.is_file():
            report.warnings.append(f"{entry.path}: ignored, seeds must be plain-text .txt files")
            continue
        seeds[Path(entry.path)] = file_stamp(entry.path)
    return seeds


def ingest_all(
    seeds_dir: Path,
    content_dir: Path,
    corrections_dir: Path,
    today: date | None = None,
    console: Console | None = None,
    store: Path | None = None,
) -> IngestReport:
    """Ingest every seed; a bad seed is reported and skipped, the rest still written. With the
    site's `store` (speed.store.folder()), unchanged seeds are taken from its ingest table."""
    console = console or Console(stderr=True)
    report = IngestReport()
    articles_dir = content_dir / "articles"
    # List the seeds, their rows of sources.csv and the article files as they are now.
    seeds = list_seeds(seeds_dir, report)
    sources, problems = load_sources(seeds_dir, {seed.name for seed in seeds})
    report.warnings += problems
    cache = IngestCache(store, code_version(today))
    files = folder_stamps(articles_dir, ARTICLE_SUFFIX)  # as they were before this run
    on_disk, present = _recorded_seeds(articles_dir, cache, files), {seed.name for seed in seeds}
    cache.keep_only(present)
    # Extract each seed (remembered between runs), publish it once under a free slug, write it.
    extracted = remembered(extract, seeds, corrections_dir, today, sources, cache, prepare)
    with _progress(console, len(seeds)) as counted:
        for result in _published(counted(extracted), report, on_disk, present, articles_dir):
            _write(result, articles_dir, report, cache, files)
            if result.fresh or result.warned:  # the log shows what this run found
                _print_article(console, result.article)
    cache.save()
    # Remove the articles of seeds that are gone, and say what happened.
    current = {r.seed.name: f"{r.slug}{ARTICLE_SUFFIX}" for r in report.ingested}
    report.removed = _remove_orphans(articles_dir, files, current, present)
    _print_report(console, report, len(seeds))
    return report


@contextmanager
def _progress(console: Console, total: int) -> Iterator[Callable[[Iterable], Iterator]]:
    """A progress bar for a large batch: wrap the stream of seeds with what it yields."""
    with Progress(console=console, transient=True, disable=total < PROGRESS_THRESHOLD) as bar:
        task = bar.add_task("Ingesting seeds", total=total)

        def counted(stream: Iterable) -> Iterator:
            """The stream, moving the bar every few seeds."""
            for number, item in enumerate(stream, start=1):
                if number % PROGRESS_STEP == 0 or number == total:
                    bar.update(task, completed=number)
                yield item

        yield counted


def _published(extracted: Iterable[tuple[Path, Ingested | str]], report: IngestReport,
               on_disk: dict[str, str], present: set[str],
               articles_dir: Path) -> Iterator[Ingested]:
    """The articles to publish, each under a slug of its own (see _unique_slug): failures go
    to the report, and a text another seed already gave is published once."""
    slugs: set[str] = set()
    by_text: dict[str, Path] = {}
    for seed, result in extracted:
        if isinstance(result, str):
            report.errors.append(result)
            continue
        if result.text_digest in by_text:
            report.warnings.append(
                f"{seed}: skipped, same text as {by_text[result.text_digest].name}")
            continue
        by_text[result.text_digest] = seed
        slug = _unique_slug(seed.name, result.slug, slugs, on_disk, present, articles_dir)
        if slug != result.slug:
            if on_disk.get(slug) != seed.name:  # not the URL it already had
                result.warn(f"slug '{result.slug}' taken; using '{slug}'")
            result.rename(slug)
        slugs.add(slug)
        report.ingested.append(result)
        yield result


def _print_report(console: Console, report: IngestReport, seeds: int) -> None:
    """Say what the run removed, its warnings and errors, and its totals."""
    for path in report.removed:
        console.print(f"removed {escape(str(path))}: its seed is gone or renamed", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]warning[/yellow] {escape(warning)}", highlight=False)
    for error in report.errors:
        console.print(f"[red]error[/red] {escape(error)}", highlight=False)
    console.print(
        f"{len(report.ingested)} articles from {seeds} seeds, {report.written} written, "
        f"{len(report.errors)} failed",
        highlight=False,
    )


def extract(seed: Path, corrections_dir: Path, today: date | None,
            source: SourceRow) -> Article | str:
    """One seed's article, or the message saying why it has none (runs in any process)."""
    try:
        return ingest_article(seed, corrections_path(corrections_dir, seed), source, today)
    except (SeedError, MetadataError) as error:
        return str(error)
    except DataFileError:
        raise  # our own data is broken: the whole build stops
    except Exception as error:  # noqa: BLE001 - one odd seed must not stop the rest
        return (
            f"{seed}: could not be ingested ({type(error).__name__}: {error}); "
            "please report this seed to the developers"
        )


def _write(result: Ingested, articles_dir: Path, report: IngestReport, cache: IngestCache,
           before: dict[str, Stamp]) -> None:
    """Write one article unless an editor has changed its generated file by hand.

    `before` has the stamps of the article files when the run began: no other seed of this
    run writes this one's file."""
    filename = f"{result.slug}{ARTICLE_SUFFIX}"
    name = result.seed.name
    if cache.output_unchanged(name, filename, before.get(filename)):
        return  # written from this very result and untouched since
    path = articles_dir / filename
    article = result.article
    stamp = before.get(filename)  # before reading: a change while it is read shows next time
    current = None  # a file the run's first listing did not have is not looked for again
    if filename in before:
        try:
            current = path.read_text(encoding="utf-8")  # read once: edited by hand? changed?
        except FileNotFoundError:
            pass
    if current is not None and edited_by_hand(current):
        result.warn(
            f"{path} was edited by hand and is kept; put corrections in "
            f"content/corrections/{article.seed.stem}.yaml instead"
        )
        return
    text = render_markdown(article.metadata, article.paragraphs)
    if text != current:
        replace_file(path, text)
        report.written += 1
        stamp = file_stamp(path)
    cache.wrote(name, path, stamp)


def _remove_orphans(articles_dir: Path, files: Iterable[str], current: dict[str, str],
                    present: set[str]) -> list[Path]:
    """Delete unedited generated articles whose seed is gone or now writes elsewhere.

    `files` are the article files when the run began; any other was written by this run, for
    a seed of `current` (seed name to file name)."""
    removed = []
    written_here = set(current.values())
    for name in files:
        if name in written_here:
            continue  # this run's own file for its seed (or one an editor kept): never orphaned
        path = articles_dir / name
        text = path.read_text(encoding="utf-8")
        if recorded_digest(text) is None or edited_by_hand(text):
            continue
        seed = next(
            (line.partition(": ")[2].strip() for line in text.splitlines()
             if line.startswith("Seed: ")),
            None,
        )
        if seed and (seed not in present or current.get(seed, name) != name):
            path.unlink()
            removed.append(path)
    return removed
