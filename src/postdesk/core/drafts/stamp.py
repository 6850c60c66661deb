"""What a draft file held when postdesk last read or wrote it: another program's change shows."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FileStamp:
    """A file's identity at one moment: where it is, when it changed, and what it held.

    The time and size are the cheap first look; the content decides when they differ, so a
    program that only touched the file (or wrote the same bytes) is not taken for a change.
    A draft is a small text file: keeping its bytes is cheaper than hashing them, and exact.
    """

    path: Path
    mtime_ns: int
    size: int
    content: bytes = field(repr=False)


def stamp_bytes(path: Path, data: bytes) -> FileStamp | None:
    """The stamp of ``path``, which was just read or written as ``data``."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return FileStamp(Path(os.path.realpath(path)), info.st_mtime_ns, info.st_size, bytes(data))


def current_stamp(path: Path) -> FileStamp | None:
    """The stamp of ``path`` as it is on disk now; ``None`` when it is gone or unreadable."""
    try:
        return stamp_bytes(path, Path(path).read_bytes())
    except OSError:
        return None


def changed_on_disk(stamp: FileStamp) -> bool:
    """Whether the file at ``stamp.path`` now holds something else than it did then.

    A file that is gone counts as unchanged: writing it again overwrites nothing.
    """
    try:
        info = os.stat(stamp.path)
    except OSError:
        return False
    if info.st_mtime_ns == stamp.mtime_ns and info.st_size == stamp.size:
        return False
    now = current_stamp(stamp.path)
    return now is not None and now.content != stamp.content
