"""Recovery copies: the editor's unsaved work, autosaved apart from the user's own file.

Each running editor writes one copy into the recovery folder and holds a lock file beside it
for as long as it runs. A copy whose lock nobody holds was left by a crash (or a kill -9): the
next start offers it back. The operating system releases the lock when the process ends, so
this holds after a reboot and on Windows, where asking whether a process id is alive is
unreliable (ids are reused) or harmful (``os.kill(pid, 0)`` sends Ctrl+C there).
A clean exit, or an explicit save, removes the copy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from postdesk.core.atomic import write_atomic
from postdesk.core.drafts.files import draft_to_dict
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.reader import DraftReader

SUFFIX = ".recovery.json"
LOCK_SUFFIX = ".recovery.lock"


@dataclass(frozen=True)
class RecoveredDraft:
    """Unsaved work found after a crash."""

    draft: Draft
    original: Path | None
    saved_at: dt.datetime
    copy: Path


class RecoveryStore:
    """The recovery folder of one user."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.owner = f"{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self._lock = FileLock(self.folder / f"{self.owner}{LOCK_SUFFIX}", timeout=0)

    @property
    def own_copy(self) -> Path:
        """This editor's recovery copy."""
        return self.folder / f"{self.owner}{SUFFIX}"

    def save(self, draft: Draft, original: Path | None) -> None:
        """Write the unsaved draft atomically; the user's file is never touched."""
        record = {
            "original": str(original) if original else None,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "draft": draft_to_dict(draft),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        self._lock.acquire()  # held before the copy exists: a live copy is never an orphan
        text = json.dumps(record, ensure_ascii=False, indent=1)
        write_atomic(self.own_copy, text.encode("utf-8"))

    def discard(self) -> None:
        """Remove this editor's copy (after a save, or on a clean exit)."""
        self.own_copy.unlink(missing_ok=True)
        if self._lock.is_locked:
            self._lock.release(force=True)
            Path(self._lock.lock_file).unlink(missing_ok=True)

    def orphans(self) -> list[RecoveredDraft]:
        """Copies left by editors that are no longer running, newest first."""
        found = []
        for copy in self.folder.glob(f"*{SUFFIX}") if self.folder.is_dir() else []:
            owner = copy.name.removesuffix(SUFFIX)
            if owner == self.owner or _editor_running(self.folder / f"{owner}{LOCK_SUFFIX}"):
                continue
            recovered = _read(copy)
            if recovered is None:
                copy.unlink(missing_ok=True)  # unreadable: nothing can be recovered from it
            else:
                found.append(recovered)
        return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _editor_running(lock_file: Path) -> bool:
    """Whether the editor that wrote a copy still holds its lock."""
    lock = FileLock(lock_file, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        return True
    lock.release(force=True)
    lock_file.unlink(missing_ok=True)  # its editor is gone; the lock file is only litter
    return False


def _read(copy: Path) -> RecoveredDraft | None:
    try:
        record = json.loads(copy.read_text(encoding="utf-8"))
        saved_at = dt.datetime.fromisoformat(record["saved_at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    draft, _ = DraftReader().read(record.get("draft"))
    if draft is None:
        return None
    original = record.get("original")
    return RecoveredDraft(draft, Path(original) if original else None, saved_at, copy)
