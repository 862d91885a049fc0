"""The ingest log written to a file is exactly what Rich would have printed there."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import SEEDS
from rich.console import Console

from breachwatch.ingest.article import ingest_seed
from breachwatch.ingest.run import _describe, _print_article


def _rich(block: str) -> str:
    """Rich's own rendering of a markup block into a non-terminal, unwrapped file."""
    console = Console(file=io.StringIO(), soft_wrap=True)
    console.print(block, highlight=False)
    return console.file.getvalue()


def test_plain_log_equals_rich_rendering(tmp_path: Path) -> None:
    seeds = sorted(SEEDS.glob("*.txt"))
    assert seeds
    odd = tmp_path / "odd [i] [bold] name.txt"
    odd.write_text("A [/i] title with [red]markup[/red]\n\nWest Yorkshire Police said an "
                   "officer [bold] looked up records [/bold] without a policing purpose.\n",
                   encoding="utf-8")
    for seed in [*seeds, odd]:
        article = ingest_seed(seed)
        article.warnings.append("a [yellow] warning with [/] brackets")
        out = Console(file=io.StringIO(), soft_wrap=True)
        _print_article(out, article)
        assert out.file.getvalue() == _rich(_describe(article)), seed.name
