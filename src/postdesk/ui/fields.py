"""Small form widgets: list fields, the note under a field that explains what is wrong."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from postdesk.ui.style import mark_invalid, style_note

SEPARATOR = ","


def split_list(text: str) -> list[str]:
    """Split a list field: "Drama, Romance ,, Sport" gives Drama, Romance and Sport."""
    return [item.strip() for item in text.split(SEPARATOR) if item.strip()]


def join_list(items: list[str]) -> str:
    """The text a list field shows for ``items``."""
    return f"{SEPARATOR} ".join(items)


class ListEdit(QLineEdit):
    """A line of comma-separated names: genres, directors, categories, tags."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)

    def items(self) -> list[str]:
        """The names typed, without blanks."""
        return split_list(self.text())

    def set_items(self, items: list[str]) -> None:
        """Show ``items`` (replacing what is there, without signalling an edit)."""
        blocked = self.blockSignals(True)
        self.setText(join_list(items))
        self.blockSignals(blocked)


class FieldNote(QLabel):
    """A line under a field saying what is wrong with it; hidden while all is well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.hide()
        self._styled = False

    def show_problem(self, message: str | None) -> None:
        """Show ``message``, or hide the note when there is none."""
        if message and not self._styled:  # most notes are never shown: styled when first
            self._styled = True
            style_note(self)
        self.setText(message or "")
        self.setVisible(bool(message))


class Field(QWidget):
    """A form field with its note underneath, and a red frame while it has a problem."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.note = FieldNote(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(editor)
        layout.addWidget(self.note)
        self.setFocusProxy(editor)

    def set_problem(self, message: str | None) -> None:
        """Mark the field (red frame, tooltip, note) or clear the mark."""
        if bool(self.editor.property("invalid")) == bool(message) and (
            self.note.text() == (message or "")
        ):
            return  # unchanged: re-polishing the style costs milliseconds per field
        self.note.show_problem(message)
        mark_invalid(self.editor, bool(message))
        self.editor.setToolTip(message or "")
