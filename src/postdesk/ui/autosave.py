"""Autosave to a recovery copy, a few seconds after a change, never over the user's file."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from postdesk.ui import startup
from postdesk.ui.document import DraftDocument

if TYPE_CHECKING:
    from postdesk.core.drafts.recovery import RecoveryStore

log = logging.getLogger(__name__)
AUTOSAVE_DELAY_MS = 2000


class Autosaver(QObject):
    """Writes the document's unsaved state to the recovery folder; removes it once saved."""

    #: A recovery copy was written (tests wait on it instead of on a timer).
    saved = Signal()

    def __init__(
        self, document: DraftDocument, folder: Path, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = folder
        self._store: RecoveryStore | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        document.modified_changed.connect(self._on_modified_changed)

    @property
    def store(self) -> RecoveryStore:
        """The recovery folder, opened on the first autosave or scan (not at start-up)."""
        if self._store is None:
            self._store = startup.recovery_store(self.folder)
        return self._store

    def changed(self) -> None:
        """The draft changed: save a copy within a few seconds, even while typing goes on."""
        if self.document.modified and not self._timer.isActive():
            self._timer.start()

    def save_now(self) -> None:
        """Write the recovery copy now (when there is something unsaved)."""
        self._timer.stop()
        if not self.document.modified:
            return
        try:
            self.store.save(self.document.draft, self.document.path)
        except OSError as err:  # a full disk must not interrupt the blogger's typing
            log.warning("could not write the recovery copy: %s", err)
        else:
            self.saved.emit()

    def discard(self) -> None:
        """Forget the copy: the work is saved, or deliberately thrown away."""
        self._timer.stop()
        if self._store is not None:  # never opened: nothing was written
            self._store.discard()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()
