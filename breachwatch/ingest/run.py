"""Ingest a whole seeds folder into content/, reporting each article extracted in the run."""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from breachwatch.datafiles import DataFileError
from breachwatch.ingest.article import Article, ingest_seed, prepare
from breachwatch.ingest.corrections import apply_correction, corrections_path, load_correction
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
from breachwatch.review import with_review
from breachwatch.schema import MetadataError, validate
from breachwatch.speed.ingest_cache import Entry, IngestCache, code_version, seed_key
from breachwatch.speed.parallel import fork_pool, workers_for
from breachwatch.speed.stamps import Stamp, file_stamp, folder_stamps
from breachwatch.taxonomy import names

SEED_SUFFIX = ".txt"
ARTICLE_SUFFIX = ".md"
# Show a progress bar when a batch is at least this large.
PROGRESS_THRESHOLD = 50
# Move the progress bar every this many seeds: each move costs more than a seed's bookkeeping.
PROGRESS_STEP = 10
# Ingest in a pool of processes only when each core gets at least this many seeds.
POOL_THRESHOLD = 32


def text_digest(article: Article) -> str:
    """Digest of an article's headline and text: two seeds with the same one are published once."""
    text = "\n".join([article.metadata["title"], *article.paragraphs])
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Ingested:
    """One seed's article: its slug and text digest at hand, the Article itself unpickled only
    when something needs it (an unchanged result from the cache usually does not)."""

    seed: Path
    blob: bytes
    slug: str
    text_digest: str
    fresh: bool  # extracted in this run, not taken from the cache
    warned: bool = False  # this run added a warning

    @cached_property
    def article(self) -> Article:
        """The Article, unpickled on first use (under the slug it is published with)."""
        article = pickle.loads(self.blob)
        article.seed = self.seed
        if self.slug:
            article.metadata["slug"] = self.slug
        return article

    def rename(self, slug: str) -> None:
        """Publish the article under another slug."""
        self.slug = slug
        if "article" in self.__dict__:
            self.article.metadata["slug"] = slug

    def warn(self, message: str) -> None:
        """Add a warning of this run to the article."""
        self.article.warnings.append(message)
        self.warned = True


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
) -> IngestReport:
    """Ingest every seed; a bad seed is reported and skipped, the rest still written."""
    console = console or Console(stderr=True)
    report = IngestReport()
    articles_dir = content_dir / "articles"
    seeds = list_seeds(seeds_dir, report)
    sources, problems = load_sources(seeds_dir, {seed.name for seed in seeds})
    report.warnings += problems
    slugs: set[str] = set()
    by_text: dict[str, Path] = {}
    cache = IngestCache(content_dir, code_version(today))
    files = folder_stamps(articles_dir, ARTICLE_SUFFIX)  # as they were before this run
    on_disk, present = _recorded_seeds(articles_dir, cache, files), {seed.name for seed in seeds}
    cache.keep_only({seed.name for seed in seeds})
    with Progress(console=console, transient=True, disable=len(seeds) < PROGRESS_THRESHOLD) as bar:
        task = bar.add_task("Ingesting seeds", total=len(seeds))
        stream = _ingest_seeds(seeds, corrections_dir, today, cache, sources)
        for number, (seed, outcome) in enumerate(stream, start=1):
            if number % PROGRESS_STEP == 0 or number == len(seeds):
                bar.update(task, completed=number)
            if isinstance(outcome, str):
                report.errors.append(outcome)
                continue
            result = outcome
            if result.text_digest in by_text:
                report.warnings.append(
                    f"{seed}: skipped, same text as {by_text[result.text_digest].name}"
                )
                continue
            by_text[result.text_digest] = seed
            slug = _unique_slug(seed.name, result.slug, slugs, on_disk, present, articles_dir)
            if slug != result.slug:
                if on_disk.get(slug) != seed.name:  # not the URL it already had
                    result.warn(f"slug '{result.slug}' taken; using '{slug}'")
                result.rename(slug)
            slugs.add(slug)
            report.ingested.append(result)
            _write(result, articles_dir, report, cache, files)
            if result.fresh or result.warned:  # the log shows what this run found
                _print_article(console, result.article)
    cache.save()
    current = {r.seed.name: f"{r.slug}{ARTICLE_SUFFIX}" for r in report.ingested}
    report.removed = _remove_orphans(articles_dir, files, current, {s.name for s in seeds})
    for path in report.removed:
        console.print(f"removed {escape(str(path))}: its seed is gone or renamed", highlight=False)
    for warning in report.warnings:
        console.print(f"[yellow]warning[/yellow] {escape(warning)}", highlight=False)
    for error in report.errors:
        console.print(f"[red]error[/red] {escape(error)}", highlight=False)
    console.print(
        f"{len(report.ingested)} articles from {len(seeds)} seeds, {report.written} written, "
        f"{len(report.errors)} failed",
        highlight=False,
    )
    return report


def _ingest_one(seed: Path, corrections_dir: Path, today: date | None,
                source: SourceRow) -> tuple[str, bytes | str]:
    """One seed's cache key and pickled Article, or its error message (runs in any process)."""
    correction_file = corrections_path(corrections_dir, seed)
    try:
        key = seed_key(seed, correction_file, source)
        article = ingest_seed(seed, today, source)
        correction = load_correction(correction_file)
        article.metadata = apply_correction(article.metadata, correction)
        article.metadata = with_review(article.metadata, article.evidence)
        validate(article.metadata, str(seed))
    except (SeedError, MetadataError) as error:
        return "", str(error)
    except DataFileError:
        raise  # our own data is broken: the whole build stops
    except Exception as error:  # noqa: BLE001 - one odd seed must not stop the rest
        return "", (
            f"{seed}: could not be ingested ({type(error).__name__}: {error}); "
            "please report this seed to the developers"
        )
    return key, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL)


def _input_stamps(seeds: dict[Path, Stamp],
                  corrections_dir: Path) -> dict[Path, tuple[Stamp, Stamp]]:
    """Each seed's stamp and its correction file's, taken before any seed is read (a change
    while it is read shows next time); the corrections folder is listed once, so the absent
    correction files of most seeds cost no lookup."""
    try:
        present = {entry.name for entry in os.scandir(corrections_dir)}
    except OSError:
        present = set()
    stamps = {}
    for seed, stamp in seeds.items():
        correction = corrections_path(corrections_dir, seed) if present else None
        stamps[seed] = (stamp, file_stamp(correction)
                        if correction is not None and correction.name in present else None)
    return stamps


def _ingest_seeds(
    seeds: dict[Path, Stamp], corrections_dir: Path, today: date | None, cache: IngestCache,
    sources: dict[str, SourceRow],
) -> Iterator[tuple[Path, Ingested | str]]:
    """Each seed with its article or error, in seed order; unchanged seeds come from the cache.

    Seeds to ingest afresh are spread over all cores; the results are pickled either way, so a
    cached Article and a fresh one are the same object.
    """
    cached: dict[Path, Entry] = {}
    stamps = _input_stamps(seeds, corrections_dir)
    rows = {seed: sources.get(seed.name, SourceRow()) for seed in seeds}
    for seed in seeds:
        if not cache.holds(seed.name):
            continue  # nothing stored: no need to read and hash the seed here
        entry = cache.unchanged(seed.name, stamps[seed], rows[seed])
        if entry is None:
            try:
                key = seed_key(seed, corrections_path(corrections_dir, seed), rows[seed])
            except OSError:
                continue
            entry = cache.get(seed.name, key, stamps[seed])
        if entry is not None:
            cached[seed] = entry
    fresh = [seed for seed in seeds if seed not in cached]
    workers = workers_for(len(fresh), POOL_THRESHOLD)
    pool = None
    if workers:
        prepare()  # compiled once here, inherited by every forked worker
        pool = fork_pool(workers)
    if pool is not None:
        results = pool.map(_ingest_one, fresh, [corrections_dir] * len(fresh),
                           [today] * len(fresh), [rows[seed] for seed in fresh],
                           chunksize=max(1, len(fresh) // (workers * 16)))
    else:
        results = (_ingest_one(seed, corrections_dir, today, rows[seed]) for seed in fresh)
    stream = iter(results)  # in the order of `fresh`, which is seed order
    try:
        for seed in seeds:
            entry = cached.get(seed)
            if entry is not None:
                yield seed, Ingested(seed, entry.blob, entry.slug, entry.text_digest, fresh=False)
                continue
            key, outcome = next(stream)
            if isinstance(outcome, str):
                yield seed, outcome
                continue
            result = Ingested(seed, outcome, "", "", fresh=True)
            result.slug, result.text_digest = result.article.metadata["slug"], text_digest(
                result.article)
            cache.put(seed.name, Entry(key, outcome, result.slug, result.text_digest,
                                       stamps[seed], source=rows[seed]))
            yield seed, result
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


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
