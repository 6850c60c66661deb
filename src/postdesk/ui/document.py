"""The open draft: its data, its file, and whether it has unsaved changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from postdesk.core.drafts.files import draft_to_json, load_draft, save_draft
from postdesk.core.drafts.model import Draft, new_draft


class DraftDocument(QObject):
    """One draft being edited. ``base_dir`` resolves a relative poster of an untitled draft."""

    modified_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft: Draft = new_draft()
        self.path: Path | None = None
        self.base_dir: Path | None = None
        self._saved_json = draft_to_json(self.draft)
        self._modified = False

    @property
    def modified(self) -> bool:
        """Whether the draft differs from its file (or from nothing, when untitled)."""
        return self._modified

    @property
    def display_name(self) -> str:
        """The name the title bar shows."""
        return self.path.name if self.path else "Untitled"

    @property
    def folder(self) -> Path | None:
        """The folder a relative poster path is relative to."""
        return self.path.parent if self.path else self.base_dir

    def open(self, path: Path, templates: list[str]) -> None:
        """Load ``path``; raises :class:`DraftError` and changes nothing."""
        draft = load_draft(path, templates)
        self.replace(draft, path.resolve(), None)

    def replace(
        self, draft: Draft, path: Path | None, base_dir: Path | None, modified: bool = False
    ) -> None:
        """Start editing ``draft`` as saved in ``path`` (or untitled)."""
        self.draft = draft
        self.path = path
        self.base_dir = base_dir
        self._saved_json = "" if modified else draft_to_json(draft)
        self.path_changed.emit(path)
        self._set_modified(modified)

    def update(self, draft: Draft) -> None:
        """Take the form's latest values."""
        self.draft = draft
        self._set_modified(draft_to_json(draft) != self._saved_json)

    def save(self, path: Path) -> None:
        """Save atomically to ``path``; raises DraftError and stays modified on failure."""
        save_draft(self.draft, path)
        self.path = path.resolve()
        self.base_dir = None
        self._saved_json = draft_to_json(self.draft)
        self.path_changed.emit(self.path)
        self._set_modified(False)

    def mark_saved(self, saved_json: str) -> None:
        """The file now holds ``saved_json`` (written by someone else: the publisher)."""
        self._saved_json = saved_json
        self._set_modified(draft_to_json(self.draft) != saved_json)

    def _set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)
