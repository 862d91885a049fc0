"""Spread independent pure calls over every core this process may use."""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")
# Below this many calls, starting worker processes costs more than it saves.
POOL_THRESHOLD = 64


def cores() -> int:
    """Cores this process may use (its CPU affinity, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# The function and calls of the running map_calls: forked workers inherit them, so only each
# call's number and result cross between processes, not its arguments.
_job: tuple[Callable[..., Any], Sequence[tuple]] | None = None


def _apply(index: int) -> Any:
    """Run call number `index` of the job in a worker process."""
    assert _job is not None
    function, calls = _job
    return function(*calls[index])


def map_calls(function: Callable[..., T], calls: Sequence[tuple]) -> list[T]:
    """`[function(*args) for args in calls]`, in order, on all cores when there are many.

    Workers are forked, so the results must be picklable.
    """
    global _job
    workers = min(cores(), len(calls) // POOL_THRESHOLD)
    if workers < 2:
        return [function(*args) for args in calls]
    chunk = max(1, len(calls) // (workers * 8))
    _job = (function, calls)
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
            return list(pool.map(_apply, range(len(calls)), chunksize=chunk))
    finally:
        _job = None


def start_forked(function: Callable[..., T], *args: Any) -> Callable[[], T]:
    """Run `function(*args)` in a forked process now; the returned wait() joins it and gives
    the call's result, which must be picklable.

    wait() raises RuntimeError with the child's error message if the call failed. The child
    shares nothing with this process after the fork, so the call must only write files or
    return what it found.
    """
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, send the result or the error through the pipe, never return
        os.close(read)
        status = 0
        try:
            message = pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
            message = f"{type(error).__name__}: {error}".encode(errors="replace")
            status = 1
        try:
            with os.fdopen(write, "wb") as pipe:
                pipe.write(message)
            sys.stdout.flush()  # what the call printed must not die with the process
            sys.stderr.flush()
        finally:
            os._exit(status)
    os.close(write)
    outcome: list[tuple[bool, Any]] = []  # (failed, error message or result), once known

    def wait() -> T:
        """Wait for the child (the first time); give its result, or raise its error."""
        if not outcome:
            with os.fdopen(read, "rb") as pipe:
                message = pipe.read()
            _, status = os.waitpid(pid, 0)
            if status == 0:
                outcome.append((False, pickle.loads(message)))
            else:
                code = os.waitstatus_to_exitcode(status)
                outcome.append((True, message.decode(errors="replace")
                                or f"exited with status {code}"))
        failed, value = outcome[0]
        if failed:
            raise RuntimeError(value)
        return value

    return wait


def wait_all(waits: list[tuple[Any, Callable[[], None]]]) -> list[tuple[Any, RuntimeError]]:
    """Wait for every (label, wait) of start_forked calls, emptying `waits`; the failed ones,
    labelled, in order."""
    failures = []
    while waits:
        label, wait = waits.pop(0)
        try:
            wait()
        except RuntimeError as error:
            failures.append((label, error))
    return failures
