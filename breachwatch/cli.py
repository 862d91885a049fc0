"""The editor-facing commands behind the Makefile: ingest and build."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from breachwatch.datafiles import DataFileError
from breachwatch.failures import BuildError, describe
from breachwatch.ingest.run import ingest_all
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


def main(argv: list[str] | None = None) -> int:
    """Run a command; the exit status is 0 only if every seed and the build succeeded."""
    args = _parser().parse_args(argv)
    console = Console(stderr=True, soft_wrap=True)  # one message, one line, greppable
    corrections = args.corrections or args.content / "corrections"
    try:
        if not args.seeds.is_dir():
            raise BuildError(f"{args.seeds}: seeds folder not found")
        report = ingest_all(args.seeds, args.content, corrections, console=console)
        if args.command == "build":
            # Pelican is imported only to build: `ingest` starts faster without it.
            from breachwatch.build import build_site  # noqa: PLC0415
            from breachwatch.search import index_site  # noqa: PLC0415

            # The raw seeds are copied while Pelican builds; Pagefind indexes the staged site.
            published = {article.seed.name for article in report.articles}
            build_site(args.settings, args.content, args.output,
                       steps=() if args.no_search else (index_site,),
                       alongside=(copy_sources(args.seeds, published, live=args.output),))
            console.print(f"site built in {escape(str(args.output))}/", highlight=False)
    except (DataFileError, MetadataError, BuildError) as error:
        console.print(f"[red]error[/red] {escape(describe(error))}", highlight=False)
        console.print("[red]build failed[/red]; the previous site was left as it was")
        return 2
    return 0 if report.ok else 1
