"""The cast names offered after "@" in the synopsis, built when "@" is first typed."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCompleter, QPlainTextEdit


class MentionCompleter(QCompleter):
    """The cast names offered after ``@`` in an editor, narrowed as the name is typed."""

    def __init__(self, editor: QPlainTextEdit, cast_names: Callable[[], list[str]]) -> None:
        super().__init__(editor)
        self._editor = editor
        self._cast_names = cast_names
        self._names = QStringListModel(self)
        self._at: int | None = None  # where the "@" is, while a mention is being typed
        self.setModel(self._names)
        self.setWidget(editor)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.activated.connect(self._insert)

    def follow_typing(self, typed: str) -> None:
        """Open the list on "@", narrow it while a name is typed, close it when done."""
        position = self._editor.textCursor().position()
        if typed == "@":
            names = self._cast_names()
            if not names:
                return
            self._names.setStringList(names)
            self._at = position - 1
        if self._at is None:
            return
        typed_name = self._editor.toPlainText()[self._at + 1 : position]
        if position <= self._at or any(c in typed_name for c in "[]\n"):
            self._at = None
            popup = self.popup()
            if popup is not None:
                popup.hide()
            return
        self.setCompletionPrefix(typed_name)
        rect = self._editor.cursorRect()
        popup = self.popup()
        rect.setWidth((popup.sizeHintForColumn(0) if popup is not None else 0) + 24)
        self.complete(rect)

    def _insert(self, name: str) -> None:
        if self._at is None:
            return
        cursor = self._editor.textCursor()
        cursor.setPosition(self._at)
        cursor.setPosition(self._editor.textCursor().position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(f"@[{name}]")
        self._editor.setTextCursor(cursor)
        self._at = None
