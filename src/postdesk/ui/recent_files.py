"""The recently opened drafts, kept in the UI settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
LIMIT = 10


class RecentFiles:
    """Most recent first; files that vanished are left out."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        """The recent drafts that still exist."""
        stored = self._settings.value(KEY, []) or []
        items = [stored] if isinstance(stored, str) else stored if isinstance(stored, list) else []
        return [Path(p) for p in items if Path(p).is_file()]

    def add(self, path: Path) -> None:
        """Put ``path`` first (nothing is written when it already is)."""
        known, first = self.paths(), path.resolve()
        if known[:1] == [first]:
            return
        paths = [first, *(p for p in known if p != first)]
        self._settings.setValue(KEY, [str(p) for p in paths[:LIMIT]])

    def clear(self) -> None:
        """Forget them all."""
        self._settings.remove(KEY)
