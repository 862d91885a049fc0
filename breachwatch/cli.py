"""The editor-facing commands behind the Makefile: ingest and build."""

from __future__ import annotations

import argparse
from contextlib import suppress
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from breachwatch.datafiles import DataFileError
from breachwatch.failures import BuildError, describe
from breachwatch.ingest.run import ingest_all
from breachwatch.parallel import start_forked
from breachwatch.schema import MetadataError
from breachwatch.sources import copy_sources


def _parser() -> argparse.ArgumentParser:
    """Command-line options shared by both commands."""
    parser = argparse.ArgumentParser(prog="breachwatch", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("ingest", "turn seeds/*.txt into content/articles/*.md"),
        ("build", "ingest, then build the site into output/"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--seeds", type=Path, default=Path("seeds"))
        command.add_argument("--content", type=Path, default=Path("content"))
        command.add_argument("--corrections", type=Path, default=None,
                             help="default: <content>/corrections")
        if name == "build":
            command.add_argument("--output", type=Path, default=Path("output"))
            command.add_argument("--settings", type=Path, default=Path("pelicanconf.py"))
            command.add_argument("--no-search", action="store_true",
                                 help="skip Pagefind indexing (benchmarks time it on its own)")
    return parser


def _ingest_for_build(seeds: Path, content: Path, corrections: Path,
                      console: Console) -> tuple[bool, set[str], str]:
    """Ingest for a build: whether every seed worked, the seeds that became articles, and the
    error that stopped the ingest ("" if none)."""
    try:
        report = ingest_all(seeds, content, corrections, console=console)
    except (DataFileError, MetadataError) as error:
        return False, set(), describe(error)
    return report.ok, {result.seed.name for result in report.ingested}, ""


def _build(args: argparse.Namespace, corrections: Path, console: Console) -> bool:
    """Ingest and build; tell whether every seed worked.

    The ingest runs in a process of its own while Pelican starts up (imports, settings,
    content caches), and Pelican waits for it before it reads the content folder.
    """
    args.content.mkdir(parents=True, exist_ok=True)  # Pelican's settings need it to exist
    ingesting = start_forked(_ingest_for_build, args.seeds, args.content, corrections, console)
    ingest_ok = []

    def content_ready() -> tuple:
        """Wait for the ingest; the raw seeds of its articles are then copied meanwhile."""
        ok, published, failure = ingesting()
        if failure:
            raise BuildError(failure)
        ingest_ok.append(ok)
        return (copy_sources(args.seeds, published, live=args.output),)

    try:
        # Pelican is imported only to build: `ingest` starts faster without it.
        from breachwatch.build import build_site  # noqa: PLC0415
        from breachwatch.search import index_site  # noqa: PLC0415

        # Pagefind indexes the staged site.
        build_site(args.settings, args.content, args.output,
                   steps=() if args.no_search else (index_site,), content_ready=content_ready)
    finally:
        with suppress(RuntimeError):  # a failed ingest has failed the build already
            ingesting()  # never left running when the build stops early
    return all(ingest_ok)


def main(argv: list[str] | None = None) -> int:
    """Run a command; the exit status is 0 only if every seed and the build succeeded."""
    args = _parser().parse_args(argv)
    console = Console(stderr=True, soft_wrap=True)  # one message, one line, greppable
    corrections = args.corrections or args.content / "corrections"
    try:
        if not args.seeds.is_dir():
            raise BuildError(f"{args.seeds}: seeds folder not found")
        if args.command == "ingest":
            return 0 if ingest_all(args.seeds, args.content, corrections, console=console).ok else 1
        ok = _build(args, corrections, console)
        console.print(f"site built in {escape(str(args.output))}/", highlight=False)
    except (DataFileError, MetadataError, BuildError) as error:
        console.print(f"[red]error[/red] {escape(describe(error))}", highlight=False)
        console.print("[red]build failed[/red]; the previous site was left as it was")
        return 2
    return 0 if ok else 1
