"""One publish at a time per draft and account, across every postdesk process of the user.

Two publishes of the same draft to the same blog at once would each find no post and each
create one. A file lock (``filelock``: ``flock`` on Unix, ``LockFileEx`` on Windows, released
by the system when a process dies) makes the second wait until the first has recorded its
post, then see that record. The lock files live in the user's runtime folder, named by a hash
of the draft's real path and the account, so drafts' folders gain no lock files.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import platformdirs
from filelock import FileLock, Timeout

NOTICE_AFTER = 1.0
"""Seconds of waiting before the user is told another publish is under way."""
GIVE_UP_AFTER = 600.0
"""Seconds after which waiting stops and the publish is refused."""
POLL = 0.25


class PublishBusyError(Exception):
    """Another publish of this draft to this account is still running."""


def lock_path(draft_file: Path, account: str) -> Path:
    """The lock file for publishing ``draft_file`` to ``account``."""
    key = f"{draft_file.resolve()}\0{account}".encode()
    return _lock_folder() / f"publish-{hashlib.sha256(key).hexdigest()[:32]}.lock"


@contextmanager
def publish_lock(
    draft_file: Path | None,
    account: str,
    *,
    waiting: Callable[[], None],
    cancelled: Callable[[], bool],
) -> Iterator[None]:
    """Hold the lock for publishing ``draft_file`` to ``account``; wait if it is taken.

    Args:
        draft_file: the draft; without a file there is nothing to share, so no lock.
        account: the account's name.
        waiting: called once when the wait lasts longer than :data:`NOTICE_AFTER`.
        cancelled: asked while waiting; when true, :class:`PublishBusyError` is raised.

    Raises:
        PublishBusyError: waiting was cancelled, or lasted :data:`GIVE_UP_AFTER` seconds.
    """
    if draft_file is None:
        yield
        return
    lock = FileLock(lock_path(draft_file, account), thread_local=False)
    _acquire(lock, waiting, cancelled)
    try:
        yield
    finally:
        lock.release()


@contextmanager
def record_lock(draft_file: Path, timeout: float = 60.0) -> Iterator[None]:
    """Hold the lock that makes reading a draft's records and saving one a single step."""
    lock = FileLock(lock_path(draft_file, "\0record"), thread_local=False)
    try:
        lock.acquire(timeout=timeout)
    except Timeout as err:
        raise PublishBusyError("another postdesk kept the draft's record busy.") from err
    try:
        yield
    finally:
        lock.release()


def _acquire(lock: FileLock, waiting: Callable[[], None], cancelled: Callable[[], bool]) -> None:
    started = time.monotonic()
    told = False
    while True:
        try:
            lock.acquire(timeout=POLL)
            return
        except Timeout:
            waited = time.monotonic() - started
        if cancelled():
            raise PublishBusyError(
                "publishing was cancelled while another publish of this draft was running."
            )
        if waited >= GIVE_UP_AFTER:
            raise PublishBusyError(
                f"another publish of this draft has been running for over "
                f"{int(GIVE_UP_AFTER // 60)} minutes; try again when it has finished."
            )
        if not told and waited >= NOTICE_AFTER:
            told = True
            waiting()


def _lock_folder() -> Path:
    """The user's runtime folder (private, emptied at log-out), else a private temp folder."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # no XDG_RUNTIME_DIR: its private fallback will do
            folder = platformdirs.user_runtime_path("postdesk", appauthor=False)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
        folder = Path(tempfile.gettempdir()) / f"postdesk-{user}"
        folder.mkdir(mode=0o700, exist_ok=True)
    return folder
