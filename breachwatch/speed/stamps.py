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


def folder_stamps(folder: str | Path, suffix: str) -> dict[str, Stamp]:
    """By name, sorted, the stamp of every entry of a folder whose name ends with `suffix`
    (hidden ones left out), from one listing; none if the folder cannot be listed."""
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing
                           if entry.name.endswith(suffix) and not entry.name.startswith("."))
    except OSError:
        return {}
    return {name: file_stamp(os.path.join(folder, name)) for name in names}


def settled(stamp: Stamp, now: int | None = None) -> bool:
    """Tell whether a stamp is old enough to prove, later, that its file is unchanged."""
    if stamp is None:
        return False
    return max(stamp[2], stamp[3]) <= (time.time_ns() if now is None else now) - RACY_NS
