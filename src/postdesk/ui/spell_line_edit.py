"""Spell check in one-line fields (tagline, question, post title), with the shared checker.

QSyntaxHighlighter works on text documents only, so a line edit draws its own wavy
underline under each misspelt word (:mod:`postdesk.ui.spell_underline`, loaded when there is
one to draw) and adds the same suggestions to its context menu.
"""

from __future__ import annotations

import functools

from PySide6.QtGui import QContextMenuEvent, QPaintEvent
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from postdesk.core.spelling import Word
from postdesk.ui.spellcheck import shared_checker


class SpellLineEdit(QLineEdit):
    """A QLineEdit that underlines misspelt words in red and offers corrections."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._checker = shared_checker()
        self._misspelt: list[Word] = []
        self.textChanged.connect(self._recheck)
        self._checker.notifier.changed.connect(self._recheck)

    def misspelt_words(self) -> list[str]:
        """The words underlined now."""
        return [word.text for word in self._misspelt]

    def setText(self, text: str | None) -> None:  # noqa: N802 - Qt's name
        """Show ``text``, checked even while the caller blocks signals (a proposed title)."""
        super().setText(text)
        self._recheck()

    def _recheck(self) -> None:
        misspelt = self._checker.misspelt(self.text())
        if misspelt != self._misspelt:
            self._misspelt = misspelt
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        """The line edit as usual, then a wavy red line under each misspelt word."""
        super().paintEvent(event)
        if not self._misspelt or self.echoMode() != QLineEdit.EchoMode.Normal:
            return
        from postdesk.ui.spell_underline import draw_underlines

        draw_underlines(self, [(word.start, word.end) for word in self._misspelt])

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """The usual edit menu, topped by spelling suggestions for a misspelt word."""
        menu = self.spelling_menu(self.cursorPositionAt(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def spelling_menu(self, position: int) -> QMenu:
        """The context menu for the word at ``position``: suggestions, Add, Ignore, Language."""
        from postdesk.ui.spelling_menu import add_language_menu, add_spelling_actions

        menu = self.createStandardContextMenu()
        for word in self._misspelt:
            if word.start <= position <= word.end:
                add_spelling_actions(
                    menu, self._checker, word.text, functools.partial(self._replace, word)
                )
                break
        add_language_menu(menu, self._checker)
        return menu

    def _replace(self, word: Word, text: str) -> None:
        """Replace a misspelt word as if typed: undoable, and textEdited tells the draft."""
        self.setSelection(word.start, len(word.text))
        self.insert(text)
