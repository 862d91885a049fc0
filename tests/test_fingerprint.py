"""Caches die when any code of the package or any data file of the investigation changes."""

from __future__ import annotations

from pathlib import Path

import breachwatch
from breachwatch.speed import fingerprint


def test_the_fingerprint_covers_the_whole_package() -> None:
    assert fingerprint.PACKAGE == Path(breachwatch.__file__).resolve().parent


def test_a_change_to_any_module_or_data_file_changes_it(tmp_path: Path, monkeypatch) -> None:
    package = tmp_path / "pkg"
    for name in ("extract/status.py", "speed/store.py", "data/forces.yaml"):
        (package / name).parent.mkdir(parents=True, exist_ok=True)
        (package / name).write_text("one\n")
    monkeypatch.setattr(fingerprint, "PACKAGE", package)
    seen = {fingerprint._fingerprint(package / "data")}
    for name in ("extract/status.py", "speed/store.py", "data/forces.yaml"):
        (package / name).write_text("two\n")
        fingerprint._fingerprint.cache_clear()
        seen.add(fingerprint._fingerprint(package / "data"))
    assert len(seen) == 4
