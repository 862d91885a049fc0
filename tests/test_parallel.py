"""Forked jobs: their result, their failure and their printed output reach the parent."""

from __future__ import annotations

import os

import pytest

from breachwatch.speed.parallel import start_forked, wait_all


def _pid_and_sum(*numbers: int) -> tuple[int, int]:
    """Where the call ran and what it found."""
    return os.getpid(), sum(numbers)


def _fail(message: str) -> None:
    """A job that fails."""
    raise ValueError(message)


def _say(text: str) -> None:
    """A job that only prints."""
    print(text)  # noqa: T201


def test_the_result_comes_from_another_process_once_and_for_all() -> None:
    wait = start_forked(_pid_and_sum, 1, 2, 3)
    pid, total = wait()
    assert total == 6 and pid != os.getpid()
    assert wait() == (pid, 6)  # the child is joined once; its result is kept


def test_a_failure_is_raised_with_its_type_and_message_each_time() -> None:
    wait = start_forked(_fail, "disk full")
    for _ in range(2):
        with pytest.raises(RuntimeError, match="^ValueError: disk full$"):
            wait()
    waits = [("job", start_forked(_fail, "again")), ("fine", start_forked(_say, ""))]
    assert [(label, str(error)) for label, error in wait_all(waits)] == [
        ("job", "ValueError: again")]
    assert waits == []


def test_what_the_child_prints_is_flushed_before_it_ends(monkeypatch) -> None:
    read, write = os.pipe()
    buffered = open(write, "w", buffering=65536, encoding="utf-8")  # noqa: SIM115
    monkeypatch.setattr("sys.stdout", buffered)
    start_forked(_say, "from the child")()
    buffered.close()  # the parent printed nothing: only the child's text is in the pipe
    with os.fdopen(read, encoding="utf-8") as pipe:
        assert pipe.read() == "from the child\n"
