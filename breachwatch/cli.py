"""The editor-facing commands behind the Makefile: ingest, build and review."""

from __future__ import annotations

import argparse
import io
from contextlib import suppress
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from breachwatch.build_lock import build_lock
from breachwatch.datafiles import DataFileError, use_data
from breachwatch.failures import BuildError, describe
from breachwatch.ingest.corrections import corrections_path
from breachwatch.ingest.run import ingest_all
from breachwatch.review import accept, as_json, describe_held, is_true
from breachwatch.schema import MetadataError
from breachwatch.sentences import body_sentences
from breachwatch.settings import SettingsError, data_path
from breachwatch.sources import copy_sources
from breachwatch.speed import store
from breachwatch.speed.parallel import start_forked


def _parser() -> argparse.ArgumentParser:
    """Command-line options shared by both commands."""
    parser = argparse.ArgumentParser(prog="breachwatch", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("ingest", "turn seeds/*.txt into content/articles/*.md"),
        ("build", "ingest, then build the site into output/"),
        ("review", "list the articles held for an editor's check, or confirm one"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--site", type=Path, default=Path("."),
                             help="the investigation's folder: its pelicanconf.py, seeds/, "
                                  "content/ and output/ (default: this folder)")
        command.add_argument("--seeds", type=Path, default=None, help="default: <site>/seeds")
        command.add_argument("--content", type=Path, default=None,
                             help="default: <site>/content")
        command.add_argument("--corrections", type=Path, default=None,
                             help="default: <content>/corrections")
        if name == "review":
            command.add_argument("action", nargs="?", choices=("list", "accept"), default="list")
            command.add_argument("slug", nargs="?", help="with accept: the article to confirm")
            command.add_argument("--json", action="store_true",
                                 help="every article ingested from seeds/, as a JSON array")
        command.add_argument("--settings", type=Path, default=None,
                             help="default: <site>/pelicanconf.py")
        command.add_argument("--output", type=Path, default=None,
                             help="default: <site>/output (its store of what builds keep is "
                                  "<output>.cache/)")
        if name == "build":
            command.add_argument("--no-search", action="store_true",
                                 help="skip Pagefind indexing (benchmarks time it on its own)")
    return parser


def _ingest_for_build(seeds: Path, content: Path, corrections: Path, console: Console,
                      site_store: Path) -> tuple[bool, set[str], str, set[str]]:
    """Ingest for a build: whether every seed worked, the seeds that became articles, the
    error that stopped the ingest ("" if none) and the seeds of articles held for review."""
    try:
        report = ingest_all(seeds, content, corrections, console=console, store=site_store)
    except (DataFileError, MetadataError) as error:
        return False, set(), describe(error), set()
    held = {article.seed.name for article in report.articles
            if is_true(article.metadata.get("held"))}
    return report.ok, {result.seed.name for result in report.ingested}, "", held


def _build(args: argparse.Namespace, corrections: Path, console: Console) -> tuple[bool, int]:
    """Ingest and build; tell whether every seed worked, and how many articles are held.

    The ingest runs in a process of its own while Pelican starts up (imports, settings,
    content caches), and Pelican waits for it before it reads the content folder.
    """
    args.content.mkdir(parents=True, exist_ok=True)  # Pelican's settings need it to exist
    # Named once: the ingest and Pelican fill one store (naming it again runs the settings
    # again, and removes any other version of the store meanwhile).
    site_store = store.folder(args.settings, args.output)
    ingesting = start_forked(_ingest_for_build, args.seeds, args.content, corrections, console,
                             site_store)
    ingest_ok = []

    def content_ready() -> tuple:
        """Wait for the ingest; the raw seeds of its articles are then copied meanwhile."""
        ok, articles, failure, held = ingesting()
        if failure:
            raise BuildError(failure)
        ingest_ok.extend((ok, len(held)))
        shown = _shows_held(args.settings)  # else a held article's source is not published
        return (copy_sources(args.seeds, articles if shown else articles - held,
                             live=args.output),)

    try:
        # Pelican is imported only to build: `ingest` starts faster without it.
        from breachwatch.build import build_site  # noqa: PLC0415
        from breachwatch.search import index_site  # noqa: PLC0415

        # Pagefind indexes the staged site.
        build_site(args.settings, args.content, args.output,
                   steps=() if args.no_search else (index_site,), content_ready=content_ready,
                   site_store=site_store)
    finally:
        with suppress(RuntimeError):  # a failed ingest has failed the build already
            ingesting()  # never left running when the build stops early
    ok, held = ingest_ok
    return ok, held


def _settings(settings_file: Path) -> dict:
    """A Pelican settings file as Pelican reads it."""
    from pelican.settings import read_settings  # noqa: PLC0415 - `ingest` starts faster

    return read_settings(str(settings_file))


def _publish_unreviewed(settings_file: Path) -> bool:
    """The PUBLISH_UNREVIEWED setting of a settings file (False if it has none)."""
    return bool(_settings(settings_file).get("PUBLISH_UNREVIEWED", False))


def _shows_held(settings_file: Path) -> bool:
    """Tell whether a build with these settings shows held articles: published anyway, or
    written as drafts for an editor's preview."""
    settings = _settings(settings_file)
    return bool(settings.get("PUBLISH_UNREVIEWED") or settings.get("DRAFT_SAVE_AS"))


def _review(args: argparse.Namespace, corrections: Path, console: Console) -> int:
    """List held articles (or all, as JSON), or record an editor's confirmation of one."""
    quiet = Console(file=io.StringIO())  # the ingest's own report is not this command's
    report = ingest_all(args.seeds, args.content, corrections, console=quiet,
                        store=store.folder(args.settings, args.output))
    articles = report.articles
    if args.action == "accept":
        if not args.slug:
            console.print("[red]error[/red] review accept needs the SLUG of a held article",
                          highlight=False)
            return 2
        found = [a for a in articles if a.metadata["slug"] == args.slug]
        if not found:
            console.print(f"[red]error[/red] no article with the slug {escape(str(args.slug))}",
                          highlight=False)
            return 2
        path = corrections_path(corrections, found[0].seed)
        done = "reviewed: true recorded" if accept(path) else "already confirmed"
        console.print(f"{escape(str(path))}: {done}; the next build publishes "
                      f"{escape(args.slug)}", highlight=False)
        return 0
    if args.json:
        print(as_json([a.metadata for a in articles], _publish_unreviewed(args.settings)))
        return 0
    held = [a for a in articles if is_true(a.metadata.get("held"))]
    for article in held:
        print("\n".join(describe_held(article.metadata["slug"], article.seed.name, article.metadata,
                                     article.evidence, body_sentences(article.paragraphs))))
    print(f"{len(held)} of {len(articles)} articles held; confirm one with: "
          "python -m breachwatch review accept SLUG")
    return 0


def _in_site(args: argparse.Namespace) -> argparse.Namespace:
    """Paths not given are the site folder's own: seeds/, content/, pelicanconf.py, output/."""
    for name, default in (("seeds", "seeds"), ("content", "content"),
                          ("settings", "pelicanconf.py"), ("output", "output")):
        if getattr(args, name, True) is None:
            setattr(args, name, args.site / default)
    return args


def main(argv: list[str] | None = None) -> int:
    """Run a command; the exit status is 0 only if every seed and the build succeeded."""
    args = _in_site(_parser().parse_args(argv))
    console = Console(stderr=True, soft_wrap=True)  # one message, one line, greppable
    corrections = args.corrections or args.content / "corrections"
    try:
        use_data(data_path(args.settings))
        if not args.seeds.is_dir():
            raise BuildError(f"{args.seeds}: seeds folder not found")
        with build_lock(args.content, lambda: console.print(
                f"another build is using {escape(str(args.content))}/; waiting for it to finish",
                highlight=False)):
            if args.command == "review":
                return _review(args, corrections, console)
            if args.command == "ingest":
                report = ingest_all(args.seeds, args.content, corrections, console=console,
                                    store=store.folder(args.settings, args.output))
                return 0 if report.ok else 1
            ok, held = _build(args, corrections, console)
        console.print(f"site built in {escape(str(args.output))}/", highlight=False)
        # The last line, 0 too: an editor reads it to know whether anything is waiting.
        console.print(f"{held} article(s) held for an editor's check, not published; list them "
                      "with: python -m breachwatch review", highlight=False)
    except (DataFileError, MetadataError, BuildError, SettingsError, OSError) as error:
        message = (f"{error.filename}: {error.strerror}" if isinstance(error, OSError)
                   and error.filename and error.strerror else describe(error))
        console.print(f"[red]error[/red] {escape(message)}", highlight=False)
        console.print("[red]build failed[/red]; the previous site was left as it was")
        return 2
    return 0 if ok else 1
