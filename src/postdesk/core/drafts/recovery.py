"""Recovery copies: the editor's unsaved work, autosaved apart from the user's own file.

Each running editor writes one copy, named after its process id, into the recovery folder. A
copy whose process is gone was left by a crash (or a kill -9): the next start offers it back.
A clean exit, or an explicit save, removes the copy.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from postdesk.core.atomic import write_atomic
from postdesk.core.drafts.files import draft_to_dict
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.reader import DraftReader

SUFFIX = ".recovery.json"


@dataclass(frozen=True)
class RecoveredDraft:
    """Unsaved work found after a crash."""

    draft: Draft
    original: Path | None
    saved_at: dt.datetime
    copy: Path


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but someone else's
        return True
    return True


class RecoveryStore:
    """The recovery folder of one user."""

    def __init__(self, folder: Path, pid: int | None = None) -> None:
        self.folder = folder
        self.pid = pid or os.getpid()

    @property
    def own_copy(self) -> Path:
        """This process's recovery copy."""
        return self.folder / f"{self.pid}{SUFFIX}"

    def save(self, draft: Draft, original: Path | None) -> None:
        """Write the unsaved draft atomically; the user's file is never touched."""
        record = {
            "original": str(original) if original else None,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "draft": draft_to_dict(draft),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(record, ensure_ascii=False, indent=1)
        write_atomic(self.own_copy, text.encode("utf-8"))

    def discard(self) -> None:
        """Remove this process's copy (after a save, or on a clean exit)."""
        self.own_copy.unlink(missing_ok=True)

    def orphans(self) -> list[RecoveredDraft]:
        """Copies left by editors that are no longer running, newest first."""
        found = []
        for copy in self.folder.glob(f"*{SUFFIX}") if self.folder.is_dir() else []:
            pid_text = copy.name.removesuffix(SUFFIX)
            if pid_text.isdigit() and _process_alive(int(pid_text)):
                continue
            recovered = _read(copy)
            if recovered is None:
                copy.unlink(missing_ok=True)  # unreadable: nothing can be recovered from it
            else:
                found.append(recovered)
        return sorted(found, key=lambda r: r.saved_at, reverse=True)


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
