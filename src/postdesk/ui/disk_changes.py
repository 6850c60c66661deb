"""Asking the user when the open draft's file was changed by another program, or is read-only."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from postdesk.ui.document import DraftDocument

if TYPE_CHECKING:
    from postdesk.ui.file_commands import FileCommands


class Choice(Enum):
    """What the user wants done with a file another program changed."""

    RELOAD = "Reload"
    KEEP_MINE = "Keep Mine"
    SAVE_AS = "Save As…"
    CANCEL = "Cancel"


class DiskChanges(QObject):
    """Asks once per outside change, as soon as it happens and again if a save meets it."""

    def __init__(self, document: DraftDocument, files: FileCommands, parent: QWidget) -> None:
        super().__init__(parent)
        self.document, self.files, self.parent_widget = document, files, parent
        self._asking = False
        document.changed_outside.connect(self._on_changed_outside)

    def resolve_on_save(self, path: Path) -> bool:
        """A save found the file changed: ask, then do it; ``True`` when the draft was saved."""
        choice = self.ask(path)
        if choice is Choice.KEEP_MINE:
            return self.files.save_over_changes(path)
        if choice is Choice.RELOAD:
            self.files.open_path(path, confirmed=True)
        if choice is Choice.SAVE_AS:
            return self.files.save_as()
        return False

    def ask(self, path: Path) -> Choice:
        """Reload, keep mine, save as, or cancel."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self.parent_widget)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("The draft changed on disk")
        box.setText(f"{path} was changed by another program since postdesk opened it.")
        box.setInformativeText(
            "Reload it (your changes here are lost), keep your version (saving replaces the "
            "other program's), or save yours under another name."
        )
        role = QMessageBox.ButtonRole
        buttons = {
            box.addButton(Choice.RELOAD.value, role.AcceptRole): Choice.RELOAD,
            box.addButton(Choice.KEEP_MINE.value, role.DestructiveRole): Choice.KEEP_MINE,
            box.addButton(Choice.SAVE_AS.value, role.ActionRole): Choice.SAVE_AS,
        }
        box.addButton(QMessageBox.StandardButton.Cancel)
        self._asking = True
        try:
            box.exec()
        finally:
            self._asking = False
        clicked = box.clickedButton()
        return next(
            (choice for button, choice in buttons.items() if button is clicked), Choice.CANCEL
        )

    def offer_save_as_for_read_only(self, path: Path) -> bool:
        """A read-only draft is never replaced: offer another name; ``True`` when saved."""
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.parent_widget,
            "The draft is read-only",
            f"{path} is read-only, so postdesk did not overwrite it.\n\n"
            "Save your draft under another name?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        return answer == QMessageBox.StandardButton.Save and self.files.save_as()

    def _on_changed_outside(self, path: Path) -> None:
        if self._asking:
            return
        choice = self.ask(path)
        if choice is Choice.RELOAD:
            self.files.open_path(path, confirmed=True)
        elif choice is Choice.KEEP_MINE:
            self.document.keep_mine()
        elif choice is Choice.SAVE_AS:
            self.files.save_as()
