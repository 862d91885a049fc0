"""A folder's stamps, from one listing, are those of its files taken one by one."""

from __future__ import annotations

from pathlib import Path

from breachwatch.speed.stamps import file_stamp, folder_stamps


def test_folder_stamps_are_the_stamps_of_the_named_files(tmp_path: Path) -> None:
    for name in ("b.md", "a.md", ".hidden.md", "notes.txt"):
        (tmp_path / name).write_text(name, encoding="utf-8")
    stamps = folder_stamps(tmp_path, ".md")
    assert list(stamps) == ["a.md", "b.md"]
    assert stamps == {name: file_stamp(tmp_path / name) for name in ("a.md", "b.md")}
    assert folder_stamps(tmp_path / "missing", ".md") == {}
