"""`python -m breachwatch` ends without interpreter teardown, having written everything."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import SEEDS
from hostile.pages import run_cli


def test_the_whole_log_and_status_reach_the_caller(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        shutil.copy(seed, seeds / seed.name)
    (seeds / "empty.txt").write_text("", encoding="utf-8")
    done = run_cli("ingest", "--seeds", seeds, "--content", tmp_path / "content")
    assert done.returncode == 1  # the empty seed failed; the others were written
    last = done.stderr.strip().splitlines()[-1]
    assert last == "3 articles from 4 seeds, 3 written, 1 failed"
    assert len(list((tmp_path / "content" / "articles").glob("*.md"))) == 3
