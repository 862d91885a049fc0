"""File stamps as Git's index keeps them: what any change to a file alters, read by one stat.

A stamp proves a file unchanged later only if it was taken well after the file last changed:
a change within the same clock tick as the stamp could leave it as it was (Git calls such a
file "racily clean"), so younger stamps are not kept.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

# A stamp younger than this is not kept (see above).
RACY_NS = 2_000_000_000

Stamp = tuple[int, int, int, int] | None


def file_stamp(path: str | Path) -> Stamp:
    """Inode, size, modification and change times; None for a file that cannot be read."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def settled(stamp: Stamp, now: int | None = None) -> bool:
    """Tell whether a stamp is old enough to prove, later, that its file is unchanged."""
    if stamp is None:
        return False
    return max(stamp[2], stamp[3]) <= (time.time_ns() if now is None else now) - RACY_NS
