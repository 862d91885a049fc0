"""The one way the build uses its cores: pools of forked workers for many independent calls,
and single forked processes for work done alongside the build. Every step that spreads work
asks workers_for() whether it is worth starting."""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")
# prctl's request to be sent a signal when the parent dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1
# Below this many calls, starting worker processes costs more than it saves.
POOL_THRESHOLD = 64


def cores() -> int:
    """Cores this process may use (its CPU affinity, not the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_for(jobs: int, per_worker: int = POOL_THRESHOLD) -> int:
    """How many processes `jobs` calls are worth: one per core, each with at least
    `per_worker` calls (what starting a process costs, in calls); below 2, none is."""
    workers = min(cores(), jobs // per_worker)
    return workers if workers >= 2 else 0


def fork_pool(workers: int, initializer: Callable[..., None] | None = None,
              initargs: tuple = ()) -> ProcessPoolExecutor:
    """A pool of `workers` forked processes: they inherit what this process has compiled and
    loaded, so only calls and results cross between them."""
    return ProcessPoolExecutor(workers, mp_context=get_context("fork"), initializer=_start_worker,
                               initargs=(os.getpid(), initializer, initargs))


def _start_worker(parent: int, initializer: Callable[..., None] | None,
                  initargs: tuple) -> None:
    """In a new pool worker: die with the build, let go of pipes into other children, then
    the caller's set-up."""
    _die_with_parent(parent)
    _close_parent_only()
    if initializer is not None:
        initializer(*initargs)


def _die_with_parent(parent: int) -> None:
    """In a forked child: be killed when the build that forked it dies (even by SIGKILL), so
    no orphan keeps the content folder's lock, which children share, or writes on."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: an orphan ends when its work does
        return
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _close_parent_only() -> None:
    """In a forked child: close the write ends of pipes into other children."""
    for fd in _parent_only:
        os.close(fd)
    _parent_only.clear()


# Write ends of pipes into children (start_forked_reading): every other child closes them.
_parent_only: set[int] = set()
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
    workers = workers_for(len(calls))
    if not workers:
        return [function(*args) for args in calls]
    chunk = max(1, len(calls) // (workers * 8))
    _job = (function, calls)
    try:
        with fork_pool(workers) as pool:
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
    parent = os.getpid()
    sys.stdout.flush()  # else what this process has buffered is printed by the child too
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: run, send the result or the error through the pipe, never return
        _die_with_parent(parent)
        os.close(read)
        _close_parent_only()  # else a pipe into another child would never reach its end
        status = 0
        try:
            message = pickle.dumps(function(*args), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as error:  # noqa: BLE001 - every failure goes to the parent
            from breachwatch.failures import describe  # noqa: PLC0415 - only on failure

            message = f"{type(error).__name__}: {describe(error)}".encode(errors="replace")
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


def start_forked_reading(function: Callable[..., T], *args: Any) -> tuple[int, Callable[[], T]]:
    """start_forked() with a pipe into the child: `function(stream, *args)` reads what this
    process writes to the returned file descriptor, until this process closes it."""
    read, write = os.pipe()
    _parent_only.add(write)

    def reading(*args: Any) -> T:
        """In the child: the call, over the read end of the pipe."""
        with os.fdopen(read, "rb") as stream:
            return function(stream, *args)

    try:
        wait = start_forked(reading, *args)
    finally:
        os.close(read)
    return write, wait


def close_input(fd: int) -> None:
    """Close the pipe into a child of start_forked_reading(): it reads to its end."""
    _parent_only.discard(fd)
    os.close(fd)


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
