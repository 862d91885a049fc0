"""A remembered call gives the function's result, and a later build reuses it from disk."""

from __future__ import annotations

from pathlib import Path

from breachwatch.memo import remembered, save_memos

calls: list[tuple] = []


def _double(words: list[str], times: int) -> list[str]:
    calls.append((tuple(words), times))
    return words * times


def test_result_is_reused_by_the_next_build_and_args_matter(tmp_path: Path) -> None:
    settings = {"CACHE_CONTENT": True, "CACHE_PATH": str(tmp_path / "cache")}
    calls.clear()
    assert remembered(settings, _double, ["a"], 2) == ["a", "a"]
    save_memos()
    assert remembered(settings, _double, ["a"], 2) == ["a", "a"]
    assert remembered(settings, _double, ["a"], 3) == ["a", "a", "a"]
    assert calls == [(("a",), 2), (("a",), 3)]


def test_without_the_content_cache_it_always_calls(tmp_path: Path) -> None:
    calls.clear()
    remembered({"CACHE_PATH": str(tmp_path)}, _double, ["b"], 1)
    remembered({"CACHE_PATH": str(tmp_path)}, _double, ["b"], 1)
    assert len(calls) == 2
