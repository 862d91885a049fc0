"""The ingest log written to a file is exactly what Rich would have printed there."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import SEEDS
from rich.console import Console

from breachwatch.ingest.article import ingest_seed, ingest_text, prepare
from breachwatch.ingest.read import read_seed
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


def test_prepare_compiles_the_rules_before_workers_fork() -> None:
    from breachwatch.extract.breaches import _rules

    _rules.cache_clear()
    prepare()
    assert _rules.cache_info().currsize == 1


def test_ingest_text_is_ingest_seed_without_the_reading() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    from_file = ingest_seed(seed)
    from_text = ingest_text(read_seed(seed)[0], seed)
    assert (from_text.metadata, from_text.paragraphs, from_text.warnings) == (
        from_file.metadata, from_file.paragraphs, from_file.warnings
    )


def test_the_cache_holds_ingested_seeds_and_is_reused(tmp_path: Path) -> None:
    import shutil
    from datetime import date

    from breachwatch.ingest.run import ingest_all
    from breachwatch.speed.ingest_cache import IngestCache, code_version

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(seed, seeds / seed.name)
    today = date(2026, 1, 5)
    console = Console(file=io.StringIO())
    first = ingest_all(seeds, tmp_path / "content", tmp_path / "corrections", today, console,
                       store=tmp_path / "store")
    cache = IngestCache(tmp_path / "store", code_version(today))
    assert all(cache.holds(seed.name) for seed in seeds.iterdir())
    assert not cache.holds("missing.txt")
    again = ingest_all(seeds, tmp_path / "content", tmp_path / "corrections", today, console,
                       store=tmp_path / "store")
    assert [a.metadata for a in again.articles] == [a.metadata for a in first.articles]
    assert again.written == 0
