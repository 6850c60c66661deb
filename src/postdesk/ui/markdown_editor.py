"""Multi-line Markdown editors, and the menu that mentions a cast member in the synopsis.

The editors are built before the window's first frame, so what only an edit needs loads when
first used: the list offered after "@" (:mod:`postdesk.ui.mention_completer`) and
``QTextCursor``, a class Qt for Python builds, with its enumerations, when first imported.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolButton, QWidget

from postdesk.core.drafts.mentions import rename_mentions
from postdesk.ui.spellcheck import shared_checker

if TYPE_CHECKING:
    from postdesk.ui.mention_completer import MentionCompleter

#: The keys that open the list of cast members in the synopsis.
MENTION_KEYS = "Ctrl+M"
#: Keys the open mention list takes for itself (choose, leave, move).
COMPLETER_KEYS = (Qt.Key.Key_Enter, Qt.Key.Key_Return, Qt.Key.Key_Escape, Qt.Key.Key_Tab,
                  Qt.Key.Key_Backtab)  # fmt: skip


class MarkdownEdit(QPlainTextEdit):
    """Plain text with Markdown; grows with its content up to a limit."""

    #: The text itself changed. ``textChanged`` also fires when the spell checker re-colours
    #: the text, which is no edit of the draft.
    text_edited = Signal()

    def __init__(self, placeholder: str, lines: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        # A link too long for a line wraps mid-word rather than running off the edge: that is
        # QPlainTextEdit's default word-wrap mode, so it is not set (which would build
        # QTextOption's class before the first frame).
        height = self.fontMetrics().lineSpacing() * lines + 16
        self.setMinimumHeight(height)
        self.spell_highlighter: object | None = None
        self._cast_names: Callable[[], list[str]] | None = None  # see offer_mentions
        self._mentions: MentionCompleter | None = None
        self.document().contentsChange.connect(self._on_contents_change)

    def _on_contents_change(self, _position: int, removed: int, added: int) -> None:
        if removed or added:  # a highlighter's re-colouring changes no characters
            self.text_edited.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Underline once shown and spell checking has started (after the first preview)."""
        super().showEvent(event)
        if self.spell_highlighter is None:
            self.spell_highlighter = False  # attach once
            checker = shared_checker()
            if checker.started:
                QTimer.singleShot(0, self._attach_spellcheck)
            else:
                checker.notifier.changed.connect(
                    self._attach_spellcheck, Qt.ConnectionType.SingleShotConnection
                )

    def _attach_spellcheck(self) -> None:
        from postdesk.ui.spell_highlighter import SpellHighlighter

        highlighter = SpellHighlighter(self.document(), shared_checker())
        self.spell_highlighter = highlighter
        highlighter.recheck_all()  # the whole text, a slice at a time

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """The usual edit menu, topped by spelling suggestions for a misspelt word."""
        menu = self.spelling_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def spelling_menu(self, pos: QPoint) -> QMenu:
        """The context menu at ``pos``: suggestions, Add to dictionary, Ignore, Language."""
        menu = self.createStandardContextMenu(pos)
        if not self.spell_highlighter:
            return menu
        from postdesk.ui.spelling_menu import add_language_menu, add_spelling_actions

        checker = shared_checker()
        cursor = self.cursorForPosition(pos)
        block, column = cursor.block(), cursor.positionInBlock()
        for word in checker.misspelt(block.text()):
            if word.start <= column <= word.end:
                start, length = block.position() + word.start, len(word.text)
                add_spelling_actions(
                    menu, checker, word.text, functools.partial(self._replace, start, length)
                )
                break
        add_language_menu(menu, checker)
        return menu

    def _replace(self, start: int, length: int, text: str) -> None:
        """Replace a misspelt word with a suggestion, as one undo step."""
        from PySide6.QtGui import QTextCursor

        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(text)

    def set_markdown(self, text: str | None) -> None:
        """Show ``text`` without signalling an edit; the widget's own undo starts afresh."""
        blocked = self.blockSignals(True)
        self.setPlainText(text or "")
        self.blockSignals(blocked)

    def markdown(self) -> str | None:
        """The text, or ``None`` when blank."""
        text = self.toPlainText()
        return text if text.strip() else None

    def insert_mention(self, name: str) -> None:
        """Insert ``@[name]`` at the cursor, as if typed (undoable)."""
        self.insertPlainText(f"@[{name}]")
        self.setFocus()

    def rename_mention(self, old: str, new: str) -> bool:
        """Rewrite the mentions of ``old`` as ``@[new]``, without signalling an edit.

        One edit block, so the field's own undo takes it back whole; the cursor stays put.
        """
        text = self.toPlainText()
        renamed = rename_mentions(text, old, new)
        if renamed is None or renamed == text:
            return False
        from PySide6.QtGui import QTextCursor

        position = self.textCursor().position()
        blocked = self.blockSignals(True)
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.insertText(renamed)
        cursor.endEditBlock()
        cursor.setPosition(min(position, len(renamed)))
        self.setTextCursor(cursor)
        self.blockSignals(blocked)
        return True

    def offer_mentions(self, cast_names: Callable[[], list[str]]) -> None:
        """Typing ``@`` opens a list of ``cast_names()``; choosing one writes ``@[Name]``.

        The list is built when "@" is first typed.
        """
        self._cast_names = cast_names

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Let an open mention list have the keys that choose or dismiss."""
        if self._mentions is None and self._cast_names is not None and event.text() == "@":
            from postdesk.ui.mention_completer import MentionCompleter

            self._mentions = MentionCompleter(self, self._cast_names)
        mentions = self._mentions
        popup = mentions.popup() if mentions else None
        if popup is not None and popup.isVisible() and event.key() in COMPLETER_KEYS:
            event.ignore()  # the completer's popup acts on it
            return
        super().keyPressEvent(event)
        if mentions:
            mentions.follow_typing(event.text())


class MentionButton(QToolButton):
    """“Mention cast member ▾”: inserts a cast member's mention into an editor."""

    def __init__(
        self,
        editor: MarkdownEdit,
        cast_names: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._editor = editor
        self._cast_names = cast_names
        self.setText("Mention cast member")
        self.setToolTip(
            "Insert a cast member into the synopsis: it shows as their credit, "
            f"such as “Graham Rogers, “Quantico”” ({MENTION_KEYS})"
        )
        self.setAccessibleName("Mention cast member")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._menu = QMenu(self)
        self._menu.aboutToShow.connect(self._fill_menu)
        self.setMenu(self._menu)
        self._shortcut = QAction(self)  # its key is given once the window shows (give_key)
        self._shortcut.triggered.connect(self._popup_at_cursor)
        editor.addAction(self._shortcut)

    def give_key(self) -> None:
        """Ctrl+M in the editor opens the list (see ``MainWindow.assign_shortcuts``)."""
        from PySide6.QtGui import QKeySequence

        self._shortcut.setShortcut(QKeySequence(MENTION_KEYS))

    def _fill_menu(self) -> None:
        self._menu.clear()
        names = self._cast_names()
        if not names:
            empty = self._menu.addAction("Add cast members first (Cast & credits tab)")
            empty.setEnabled(False)
        for name in names:
            action = self._menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self._editor.insert_mention(n))

    def _popup_at_cursor(self) -> None:
        self._fill_menu()
        rect = self._editor.cursorRect()
        self._menu.popup(self._editor.viewport().mapToGlobal(rect.bottomLeft()))
