"""Raw seeds are published byte for byte; unchanged copies of the live site are reused."""

from __future__ import annotations

from pathlib import Path

from breachwatch.sources import publish


def test_an_unchanged_live_copy_is_linked_and_a_changed_one_is_not(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_bytes(b"Headline\n\nA Kent Police officer was sacked.\n")
    live = tmp_path / "live.txt"
    live.write_bytes(seed.read_bytes())
    publish(seed, tmp_path / "same.txt", live)
    assert (tmp_path / "same.txt").stat().st_ino == live.stat().st_ino

    live.write_bytes(b"Headline\n\nAn older text.\n")
    publish(seed, tmp_path / "changed.txt", live)
    assert (tmp_path / "changed.txt").read_bytes() == seed.read_bytes()
    assert (tmp_path / "changed.txt").stat().st_ino not in {live.stat().st_ino,
                                                            seed.stat().st_ino}


def test_without_a_live_copy_the_seed_is_copied_never_linked(tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_bytes(b"\xef\xbb\xbfHeadline\r\n")
    publish(seed, tmp_path / "new.txt", tmp_path / "missing.txt")
    publish(seed, tmp_path / "none.txt", None)
    for copy in (tmp_path / "new.txt", tmp_path / "none.txt"):
        assert copy.read_bytes() == seed.read_bytes()
        assert copy.stat().st_ino != seed.stat().st_ino
