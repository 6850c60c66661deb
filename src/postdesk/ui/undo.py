"""Undo and redo for the whole draft, for the edits a text field cannot undo itself."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

MERGE_ID = 1


class SnapshotCommand(QUndoCommand):
    """One step: the draft's JSON before and after it."""

    def __init__(self, before: str, after: str, apply: Callable[[str], None], text: str) -> None:
        super().__init__(text)
        self.before = before
        self.after = after
        self._apply = apply
        self._first = True

    def redo(self) -> None:
        if self._first:  # pushing the command: the form already shows this state
            self._first = False
            return
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)
