"""One build at a time, and a site that is never missing: a lock that a second build waits
for, and an atomic exchange of the staged site with the live one."""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".build.lock"
# renameat2's flag that swaps two paths in one step (Linux 3.15+, glibc 2.28+).
RENAME_EXCHANGE = 2
AT_FDCWD = -100


@contextmanager
def build_lock(content: Path, waiting: Callable[[], None]) -> Iterator[None]:
    """Hold the build lock of a content folder; if another build holds it, call `waiting` once
    and wait. The kernel drops the lock of a killed build, so a stale one is taken over."""
    content.mkdir(parents=True, exist_ok=True)
    with open(content / LOCK_NAME, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            waiting()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _renameat2() -> Callable[..., int] | None:
    """libc's renameat2, where the system has it."""
    name = ctypes.util.find_library("c")
    try:
        function = ctypes.CDLL(name, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    return function


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing folders in one step; tell whether the system could."""
    function = _renameat2()
    if function is None:
        return False
    result = function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second),
                      RENAME_EXCHANGE)
    if result != 0:
        error = ctypes.get_errno()
        if error in {22, 38, 95}:  # EINVAL, ENOSYS, EOPNOTSUPP: not on this file system
            return False
        raise OSError(error, os.strerror(error), str(first))
    return True
