"""Autosave to a recovery copy, a few seconds after a change, never over the user's file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from postdesk.core.drafts.recovery import RecoveryStore
from postdesk.ui.document import DraftDocument

log = logging.getLogger(__name__)
AUTOSAVE_DELAY_MS = 2000


class Autosaver(QObject):
    """Writes the document's unsaved state to the recovery folder; removes it once saved."""

    #: A recovery copy was written (tests wait on it instead of on a timer).
    saved = Signal()

    def __init__(
        self, document: DraftDocument, store: RecoveryStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.store = store
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        document.modified_changed.connect(self._on_modified_changed)

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
        self.store.discard()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()
