"""Pages handed to the linking process are hard-linked, and those it cannot link are named."""

from __future__ import annotations

from pathlib import Path

from breachwatch.link_pages import PageLinker


def test_pages_are_linked_and_failures_named(tmp_path: Path) -> None:
    previous, output = tmp_path / "previous", tmp_path / "output"
    names = [f"articles/{number}/index.html" for number in range(300)]
    for name in names:
        (previous / name).parent.mkdir(parents=True)
        (previous / name).write_text(name, encoding="utf-8")
    (previous / names[7]).unlink()
    linker = PageLinker(str(previous), str(output))
    assert all(linker.link(name) for name in [*names, "odd ü name/index.html"])
    assert linker.finish() == {names[7], "odd ü name/index.html"}
    for name in names[8:]:
        assert (output / name).stat().st_ino == (previous / name).stat().st_ino
    assert not (output / names[7]).exists()


def test_many_failures_do_not_stall_the_build(tmp_path: Path) -> None:
    linker = PageLinker(str(tmp_path / "gone"), str(tmp_path / "output"))
    names = [f"articles/a-rather-long-slug-for-a-page-number-{n}/index.html" for n in range(20000)]
    assert all(linker.link(name) for name in names)
    assert linker.finish() == set(names)


def test_without_a_process_to_spare_every_page_is_left_to_the_caller(
        tmp_path: Path, monkeypatch) -> None:
    import subprocess

    def refuse(*args, **kwargs):
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    linker = PageLinker(str(tmp_path), str(tmp_path / "output"))
    assert linker.link("articles/a/index.html") is False
    assert linker.finish() == set()


WAIT_FOR_FLAG = """import os, sys, time
end = time.time() + 30
while not os.path.exists(sys.argv[1]) and time.time() < end:
    time.sleep(0.01)
if not os.path.exists(sys.argv[1]):
    sys.exit(3)  # never started reading: a caller blocked on the full pipe fails, not hangs
os.execv(sys.argv[2], sys.argv[2:])
"""


def test_queueing_never_waits_for_the_linking_process(tmp_path: Path, monkeypatch) -> None:
    import subprocess
    import sys

    flag, real = tmp_path / "go", subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda args, **kwargs: real(
        [sys.executable, "-c", WAIT_FOR_FLAG, str(flag), *args], **kwargs))
    linker = PageLinker(str(tmp_path / "gone"), str(tmp_path / "output"))
    names = [f"articles/a-rather-long-slug-for-a-page-number-{n}/index.html" for n in range(20000)]
    assert all(linker.link(name) for name in names)  # far more than a pipe holds, none read
    flag.touch()
    assert linker.finish() == set(names)
