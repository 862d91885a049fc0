"""Shared fixtures: the real seeds and a helper to ingest one without writing files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
# The seeds carry no dateline; tests pin "today" so relative dates never drift.
TODAY = date(2026, 11, 24)


def seed_path(prefix: str) -> Path:
    """The seed whose file name starts with `prefix` (e.g. '004')."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


@pytest.fixture(scope="session")
def ingested():
    """Every real seed ingested once (no files written), by three-digit prefix."""
    from breachwatch.ingest.article import ingest_seed

    return {path.name[:3]: ingest_seed(path, TODAY) for path in sorted(SEEDS.glob("*.txt"))}


# The second investigation, built by the tests that check the generator serves any.
EXAMPLE = "health-records"


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> dict[str, Path]:
    """examples/health-records built once from a copy of its seeds and content."""
    from scripts.localsite import build_apart, copy_example

    dirs = copy_example(tmp_path_factory.mktemp("example-site"), EXAMPLE)
    done = build_apart(dirs)
    assert done.returncode == 0, done.stderr
    return dirs
