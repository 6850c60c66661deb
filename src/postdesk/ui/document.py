"""The open draft: its data, its file, and whether it has unsaved changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal

from postdesk.core.drafts.files import draft_to_json, load_draft, save_draft
from postdesk.core.drafts.model import Draft, Publication, new_draft
from postdesk.core.drafts.stamp import changed_on_disk, current_stamp


class DraftDocument(QObject):
    """One draft being edited. ``base_dir`` resolves a relative poster of an untitled draft.

    The file is watched: when another program changes it, :attr:`changed_outside` is emitted
    once per outside version, so the window can ask before anything is overwritten (the core
    refuses such a save anyway, see :func:`~postdesk.core.drafts.files.save_draft`).

    Commands (File, Blog, Find film) work on the document and its signals, never on the
    window: the window shows what the signals announce, and hands in the form's values
    through :meth:`set_collector`.
    """

    modified_changed = Signal(bool)
    path_changed = Signal(object)  # Path | None
    changed_outside = Signal(object)  # Path: another program changed the draft's file
    #: A different draft is being edited now (new, opened, recovered): show it whole.
    replaced = Signal()
    #: The program changed the draft (a film fill, publish choices): show it. Gives the name
    #: of the change (one undo step) and the draft as it was before, as JSON.
    rewritten = Signal(str, str)
    #: The draft's values changed (an edit, a fill, a reload).
    updated = Signal()
    #: The draft was read from or written to this file (Path): remember it.
    stored = Signal(object)
    #: The draft records a new publication.
    published = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft: Draft = new_draft()
        self.path: Path | None = None
        self.base_dir: Path | None = None
        self._saved_json = draft_to_json(self.draft)
        self._modified = False
        self._noticed: bytes | None = None  # the outside version already reported
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file_changed)
        self._collect: Callable[[Draft], Draft] | None = None

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

    @property
    def anchor(self) -> Path | None:
        """The file a relative poster resolves against (the core takes a file, not a folder).

        The draft's own file, or an untitled one in ``base_dir``.
        """
        if self.path:
            return self.path
        return self.base_dir / "untitled.postdesk" if self.base_dir else None

    def set_collector(self, collect: Callable[[Draft], Draft]) -> None:
        """Where :meth:`sync` takes the editor's values from (the window's form)."""
        self._collect = collect

    def sync(self) -> None:
        """Take the editor's latest values now (before saving, publishing, filling…)."""
        if self._collect is not None:
            self.update(self._collect(self.draft))

    def open(self, path: Path, templates: list[str]) -> None:
        """Load ``path``; raises :class:`DraftError` and changes nothing."""
        draft = load_draft(path, templates)
        self.replace(draft, path.resolve(), None)
        self.stored.emit(self.path)

    def replace(
        self, draft: Draft, path: Path | None, base_dir: Path | None, modified: bool = False
    ) -> None:
        """Start editing ``draft`` as saved in ``path`` (or untitled)."""
        self.draft = draft
        self.path = path
        self.base_dir = base_dir
        self._saved_json = "" if modified else draft_to_json(draft)
        self._watch()
        self.path_changed.emit(path)
        self._set_modified(modified)
        self.replaced.emit()
        self.updated.emit()

    def update(self, draft: Draft) -> None:
        """Take the form's latest values."""
        self.draft = draft
        self._set_modified(draft_to_json(draft) != self._saved_json)
        self.updated.emit()

    def rewrite(self, draft: Draft, text: str) -> None:
        """The program changed the draft: take it, and have it shown as one step ``text``."""
        before = draft_to_json(self.draft)
        self.update(draft)
        self.rewritten.emit(text, before)

    def save(self, path: Path, overwrite_changes: bool = False) -> None:
        """Save atomically to ``path``; raises DraftError and stays modified on failure.

        Raises:
            DraftChangedError: another program changed the file (unless ``overwrite_changes``).
            DraftReadOnlyError: the file is read-only.
        """
        save_draft(self.draft, path, overwrite_changes=overwrite_changes)
        self.path = path.resolve()
        self.base_dir = None
        self._saved_json = draft_to_json(self.draft)
        self._watch()
        self.path_changed.emit(self.path)
        self._set_modified(False)
        self.stored.emit(self.path)

    def record_publication(self, publication: Publication) -> None:
        """Keep where the draft was published, and save that to its file.

        Raises:
            DraftError: the file could not take the record; the draft stays modified, so the
                record is saved with the next save.
        """
        self.draft.record_publication(publication)
        self.update(self.draft)
        try:
            if self.path is not None:
                self.save(self.path)
        finally:
            self.published.emit()

    def keep_mine(self) -> None:
        """The user keeps this version: the next save replaces the file as it is now."""
        if self.path is not None:
            self.draft.disk = current_stamp(self.path)
        self._saved_json = ""
        self._set_modified(True)

    def _watch(self) -> None:
        watched = self._watcher.files()
        if watched:
            self._watcher.removePaths(watched)
        if self.path is not None and self.path.is_file():
            self._watcher.addPath(str(self.path))

    def _on_file_changed(self, name: str) -> None:
        if self.path is None or Path(name) != self.path:
            return
        if name not in self._watcher.files() and self.path.is_file():
            self._watcher.addPath(name)  # replaced by a rename: watch the new file
        stamp = self.draft.disk
        if stamp is None or not changed_on_disk(stamp):
            return  # our own save, or a program that only touched the file
        outside = current_stamp(self.path)
        if outside is None or outside.content == self._noticed:
            return
        self._noticed = outside.content
        self.changed_outside.emit(self.path)

    def _set_modified(self, modified: bool) -> None:
        if modified != self._modified:
            self._modified = modified
            self.modified_changed.emit(modified)
