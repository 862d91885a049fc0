"""Two builds at once: the second waits for the first; readers never find the site missing; a
build killed at any moment leaves the live site as it was."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import SEEDS
from hostile.pages import ROOT, build_cli, new_content

from breachwatch.build_lock import build_lock, exchange


def _dirs(tmp_path: Path) -> dict[str, Path]:
    dirs = {"seeds": tmp_path / "seeds", "content": new_content(tmp_path / "content"),
            "output": tmp_path / "output"}
    shutil.copytree(SEEDS, dirs["seeds"])
    return dirs


def _start(dirs: dict[str, Path]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "breachwatch", "build", "--seeds", str(dirs["seeds"]),
         "--content", str(dirs["content"]), "--output", str(dirs["output"]), "--no-search"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_exchange_swaps_two_folders(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "old").touch()
    (tmp_path / "b" / "new").touch()
    assert exchange(tmp_path / "a", tmp_path / "b")
    assert [p.name for p in (tmp_path / "a").iterdir()] == ["new"]


def test_a_second_holder_waits_and_says_so(tmp_path: Path) -> None:
    said: list[str] = []
    order: list[str] = []
    with build_lock(tmp_path, lambda: said.append("first never waits")):
        other = threading.Thread(target=lambda: _hold(tmp_path, said, order))
        other.start()
        time.sleep(0.3)
        order.append("first done")
    other.join(5)
    assert said == ["waiting"] and order == ["first done", "second"]


def _hold(folder: Path, said: list[str], order: list[str]) -> None:
    with build_lock(folder, lambda: said.append("waiting")):
        order.append("second")


def test_two_builds_started_together_both_succeed(tmp_path: Path) -> None:
    dirs = _dirs(tmp_path)
    assert build_cli(dirs["seeds"], dirs["content"], dirs["output"]).returncode == 0
    (dirs["seeds"] / "zz_new.txt").write_text(
        "Constable sacked for searching records\n\nA Gwent Police constable was dismissed "
        "without notice after a hearing found he searched police systems for a neighbour.\n",
        encoding="utf-8")
    first = _start(dirs)
    time.sleep(0.3)
    second = _start(dirs)
    results = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0]
    assert all("Traceback" not in err for _, err in results)
    assert (dirs["output"] / "articles" / "constable-sacked-for-searching-records").is_dir()
    assert not (tmp_path / "output.staging").exists()


def test_a_build_waits_while_another_holds_the_lock(tmp_path: Path) -> None:
    dirs = _dirs(tmp_path)
    with build_lock(dirs["content"], lambda: None):
        process = _start(dirs)
        time.sleep(2)
        assert process.poll() is None  # still waiting
    _, err = process.communicate(timeout=300)
    assert process.returncode == 0 and "waiting for it to finish" in err


def test_a_reader_never_finds_the_site_missing(tmp_path: Path) -> None:
    dirs = _dirs(tmp_path)
    assert build_cli(dirs["seeds"], dirs["content"], dirs["output"]).returncode == 0
    index = dirs["output"] / "index.html"
    missed: list[float] = []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            try:
                index.read_bytes()
            except OSError:
                missed.append(time.monotonic())

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        for _ in range(3):
            assert build_cli(dirs["seeds"], dirs["content"], dirs["output"]).returncode == 0
    finally:
        stop.set()
        reader.join()
    assert missed == []


@pytest.mark.parametrize("after", [0.5, 1.5, 2.5])
def test_a_killed_build_leaves_the_site_and_the_next_build_works(tmp_path: Path,
                                                                after: float) -> None:
    dirs = _dirs(tmp_path)
    assert build_cli(dirs["seeds"], dirs["content"], dirs["output"]).returncode == 0
    before = {p.relative_to(dirs["output"]): p.read_bytes()
              for p in dirs["output"].rglob("*") if p.is_file()}
    (dirs["seeds"] / "004_9ec393ecca8a3ab0.txt").unlink()  # the next build changes the site
    process = _start(dirs)
    time.sleep(after)
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.communicate()
    if process.returncode == -signal.SIGKILL:
        now = {p.relative_to(dirs["output"]): p.read_bytes()
               for p in dirs["output"].rglob("*") if p.is_file()}
        assert now == before
    done = build_cli(dirs["seeds"], dirs["content"], dirs["output"])
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
