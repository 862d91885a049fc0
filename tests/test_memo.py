"""A remembered call gives the function's result, and a later build reuses it from disk."""

from __future__ import annotations

import os
from pathlib import Path

from breachwatch.speed.memo import remembered_all, save_memos
from breachwatch.speed.parallel import POOL_THRESHOLD, map_calls
from breachwatch.speed.store import JOURNAL_SUFFIX

calls: list[tuple] = []


def _double(words: list[str], times: int) -> list[str]:
    calls.append((tuple(words), times))
    return words * times


def _square_and_pid(number: int) -> tuple[int, int]:
    return number * number, os.getpid()


def test_result_is_reused_by_the_next_build_and_args_matter(tmp_path: Path) -> None:
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "cache")}
    calls.clear()
    assert remembered_all(settings, _double, [(["a"], 2)]) == [["a", "a"]]
    save_memos()
    assert remembered_all(settings, _double, [(["a"], 2), (["a"], 3)]) == [
        ["a", "a"], ["a", "a", "a"]]
    assert calls == [(("a",), 2), (("a",), 3)]


def test_without_the_content_cache_it_always_calls(tmp_path: Path) -> None:
    calls.clear()
    remembered_all({"CACHE_PATH": str(tmp_path)}, _double, [(["b"], 1)])
    remembered_all({"CACHE_PATH": str(tmp_path)}, _double, [(["b"], 1)])
    assert len(calls) == 2


def test_many_calls_run_in_order_on_other_processes() -> None:
    numbers = list(range(POOL_THRESHOLD * 4))
    results = map_calls(_square_and_pid, [(n,) for n in numbers])
    assert [square for square, _ in results] == [n * n for n in numbers]
    if len(os.sched_getaffinity(0)) >= 2:
        assert os.getpid() not in {pid for _, pid in results}


def test_only_calls_missing_from_the_memo_are_computed(tmp_path: Path) -> None:
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "cache")}
    first = remembered_all(settings, _square_and_pid, [(n,) for n in range(200)])
    save_memos()
    again = remembered_all(settings, _square_and_pid, [(n,) for n in range(210)])
    assert again[:200] == first  # same worker pids: taken from the memo, not recomputed
    assert [square for square, _ in again] == [n * n for n in range(210)]


def test_a_build_that_used_exactly_the_stored_entries_does_not_rewrite_them(
        tmp_path: Path) -> None:
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "cache")}
    remembered_all(settings, _double, [(["c"], 1), (["d"], 1)])
    save_memos()
    memo_file = next((tmp_path / "cache").iterdir())
    written = memo_file.stat().st_mtime_ns
    remembered_all(settings, _double, [(["c"], 1), (["d"], 1)])
    save_memos()
    assert memo_file.stat().st_mtime_ns == written
    remembered_all(settings, _double, [(["c"], 1)])  # "d" unused: dropped from the file
    save_memos()
    calls.clear()
    remembered_all(settings, _double, [(["c"], 1), (["d"], 1)])
    assert calls == [(("d",), 1)]


def test_a_small_change_is_written_beside_the_file_and_a_large_one_folds_it_in(
        tmp_path: Path) -> None:
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "cache")}
    words = [([str(n)], 1) for n in range(100)]
    remembered_all(settings, _double, words)
    save_memos()
    memo_file = next((tmp_path / "cache").iterdir())
    journal = memo_file.with_name(memo_file.name + JOURNAL_SUFFIX)
    written = memo_file.stat().st_mtime_ns
    remembered_all(settings, _double, [*words[1:], (["edited"], 1)])  # one article edited
    save_memos()
    assert memo_file.stat().st_mtime_ns == written and journal.is_file()
    calls.clear()
    remembered_all(settings, _double, [*words[1:], (["edited"], 1)])
    assert calls == []  # the file and its journal together
    journal_written = journal.stat().st_mtime_ns
    save_memos()  # the same entries as the file and its journal: neither is written
    assert journal.stat().st_mtime_ns == journal_written
    remembered_all(settings, _double, [([str(n)], 2) for n in range(50)])  # a large change
    save_memos()
    assert memo_file.stat().st_mtime_ns != written and not journal.exists()
    calls.clear()
    remembered_all(settings, _double, [(["edited"], 1), (["1"], 2)])
    assert calls == [(("edited",), 1)]  # what the last build did not use is gone
