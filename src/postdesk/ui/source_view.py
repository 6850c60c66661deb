"""The HTML and the block markup the blog will receive, read-only and selectable."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QWidget


class SourceView(QPlainTextEdit):
    """Read-only source text in the system's fixed-width font; keeps its scroll on updates."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setAccessibleName(accessible_name)

    def show_source(self, text: str) -> None:
        """Replace the text unless it is the same, keeping the scroll position."""
        if text == self.toPlainText():
            return
        bar = self.verticalScrollBar()
        position = bar.value()
        self.setPlainText(text)
        bar.setValue(position)
