"""The project's input is the shared seeds, byte for byte, and nothing rewrites them."""

from __future__ import annotations

import hashlib

from conftest import ROOT, SEEDS, SHARED_SEEDS

MANIFEST = ROOT / "tests" / "fixtures" / "seeds.sha256"


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest() -> dict[str, str]:
    pairs = (line.split() for line in MANIFEST.read_text().splitlines() if line.strip())
    return {name: digest for digest, name in pairs}


def test_seeds_match_the_recorded_checksums() -> None:
    manifest = _manifest()
    assert len(manifest) == 5
    for name, digest in manifest.items():
        assert _digest(SEEDS / name) == digest, name


def test_seeds_byte_identical_to_shared_copy() -> None:
    shared = sorted(SHARED_SEEDS.glob("*.txt")) if SHARED_SEEDS.is_dir() else []
    # Where ../shared is beside the clone (as in CI), every shared seed is here unchanged.
    for path in shared:
        assert (SEEDS / path.name).read_bytes() == path.read_bytes(), path.name
    assert not shared or {p.name for p in shared} <= {p.name for p in SEEDS.glob("*.txt")}


def test_ingest_does_not_touch_seeds(tmp_path) -> None:
    from breachwatch.ingest.run import ingest_all

    before = {p.name: _digest(p) for p in SEEDS.glob("*.txt")}
    ingest_all(SEEDS, tmp_path / "content", tmp_path / "corrections")
    assert {p.name: _digest(p) for p in SEEDS.glob("*.txt")} == before
