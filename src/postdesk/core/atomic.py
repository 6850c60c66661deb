"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

#: A temporary file of ours older than this is left over from a crash, not a save in progress.
STALE_AFTER_S = 60.0
#: Temporary names: ``.NAME.PID.RANDOM.tmp`` (older postdesk versions wrote no PID).
_TEMP = r"\.{name}\.(?:(?P<pid>\d+)\.)?[a-z0-9_]{{8}}\.tmp"


class ReadOnlyFileError(PermissionError):
    """The file exists and is read-only: its owner said it must not change."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "the file is read-only", str(path))


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash at any moment leaves a whole file.

    The temporary file lives in the same folder, so ``os.replace`` is a rename on one file
    system; its data is fsynced before the rename and the folder after it, so the new name
    survives a power cut too. A symbolic link is written through (its target is replaced and
    the link stays), a read-only file is refused, and temporary files that earlier crashed
    writes left beside the file are removed.

    Raises:
        ReadOnlyFileError: ``path`` exists and is read-only.
        OSError: the write failed; the old file is untouched.
    """
    path = resolved_target(Path(path))
    if is_read_only(path):
        raise ReadOnlyFileError(path)
    folder = path.parent
    mode = _mode_for(path)
    remove_stale_temporaries(path)
    prefix = f".{path.name}.{os.getpid()}."
    fd, tmp_name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    _fsync_folder(folder)


def resolved_target(path: Path) -> Path:
    """The file a write to ``path`` must replace: a symbolic link's target, not the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def same_file(first: Path, second: Path) -> bool:
    """Whether two names reach one file: the same path, a link to it, or a hard link."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist yet: compare where they lead
        return os.path.realpath(first) == os.path.realpath(second)


def is_read_only(path: Path) -> bool:
    """Whether ``path`` exists and may not be written (no write permission bit, or no access).

    The permission bits count even for root, who may write anything: a file nobody may write
    was made read-only on purpose.
    """
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    if not stat.S_ISREG(mode):
        return False
    no_write_bits = not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)
    return no_write_bits or not os.access(path, os.W_OK)


def remove_stale_temporaries(path: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files an interrupted write of ``path`` left behind; return them.

    Only files named as :func:`write_atomic` names them, owned by this user, and either older
    than :data:`STALE_AFTER_S` or written by a process that no longer exists. A save in
    progress in another live process keeps its file.
    """
    pattern = re.compile(_TEMP.format(name=re.escape(path.name)))
    now = time.time() if now is None else now
    removed = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match and _is_stale(entry, match.group("pid"), now):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _is_stale(entry: os.DirEntry[str], pid: str | None, now: float) -> bool:
    try:
        info = entry.stat(follow_symlinks=False)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
        return False
    if now - info.st_mtime > STALE_AFTER_S:
        return True
    return pid is not None and int(pid) != os.getpid() and not _process_exists(int(pid))


def _process_exists(pid: int) -> bool:
    if os.name != "posix":
        return True  # unknown: the age rule alone decides
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 minus the umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    # Windows cannot open a folder for fsync; its rename is already durable enough there.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
