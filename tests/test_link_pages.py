"""Pages handed to the linking process are hard-linked, and those it cannot link are named."""

from __future__ import annotations

from pathlib import Path

from breachwatch.speed.link_pages import PageLinker


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
    import os

    def refuse():
        raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    linker = PageLinker(str(tmp_path), str(tmp_path / "output"))
    assert linker.link("articles/a/index.html") is False
    assert linker.finish() == set()


def test_queueing_never_waits_for_the_linking_process(tmp_path: Path, monkeypatch) -> None:
    import time

    from breachwatch.speed import link_pages

    flag, real = tmp_path / "go", link_pages._link_all

    def waiting(stream, previous: str, output: str) -> list[str]:
        """The linking process, idle until the test has queued everything."""
        end = time.time() + 30
        while not flag.exists() and time.time() < end:
            time.sleep(0.01)
        return real(stream, previous, output) if flag.exists() else ["never started"]

    monkeypatch.setattr(link_pages, "_link_all", waiting)
    linker = PageLinker(str(tmp_path / "gone"), str(tmp_path / "output"))
    names = [f"articles/a-rather-long-slug-for-a-page-number-{n}/index.html" for n in range(20000)]
    assert all(linker.link(name) for name in names)  # far more than a pipe holds, none read
    flag.touch()
    assert linker.finish() == set(names)


def test_another_child_holding_the_pipe_does_not_keep_the_linker_waiting(tmp_path: Path) -> None:
    from breachwatch.speed.parallel import start_forked

    linker = PageLinker(str(tmp_path / "gone"), str(tmp_path / "output"))
    assert linker.link("articles/a/index.html")
    other = start_forked(time_sleep, 3)  # forked while the pipe is open: must not hold it
    started = time_now()
    assert linker.finish() == {"articles/a/index.html"}
    assert time_now() - started < 2
    other()


def time_sleep(seconds: float) -> None:
    """Sleep in a forked child."""
    import time

    time.sleep(seconds)


def time_now() -> float:
    """A monotonic clock reading."""
    import time

    return time.monotonic()
