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
