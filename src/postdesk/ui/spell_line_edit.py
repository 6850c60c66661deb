"""Spell check in one-line fields (tagline, question, post title), with the shared checker.

QSyntaxHighlighter works on text documents only, so a line edit draws its own wavy
underline under each misspelt word and adds the same suggestions to its context menu.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QContextMenuEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTextLayout,
    QTextLine,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget

from postdesk.core.spelling import Word
from postdesk.ui.spellcheck import (
    UNDERLINE,
    add_language_menu,
    add_spelling_actions,
    shared_checker,
)

#: QLineEdit's cursor rectangle starts this many pixels left of the cursor (Qt's rectForPos).
CURSOR_RECT_LEFT = 5
WAVE_STEP = 2.0


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
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(UNDERLINE, 1.2))
        painter.setClipRect(self.rect().adjusted(2, 0, -2, 0))
        for start, end, y in self._underlines():
            painter.drawPath(_wave(start, end, y))
        painter.end()

    def _underlines(self) -> list[tuple[float, float, float]]:
        """Where each misspelt word is drawn: left and right x, and the underline's y."""
        layout = QTextLayout(self.text(), self.font())
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        cursor = self.cursorRect()
        # The text is scrolled so the cursor shows: place words relative to the cursor.
        origin = cursor.x() + CURSOR_RECT_LEFT - _x(line, self.cursorPosition())
        y = cursor.y() + self.fontMetrics().ascent() + 2.5
        return [(origin + _x(line, w.start), origin + _x(line, w.end), y) for w in self._misspelt]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """The usual edit menu, topped by spelling suggestions for a misspelt word."""
        menu = self.spelling_menu(self.cursorPositionAt(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()

    def spelling_menu(self, position: int) -> QMenu:
        """The context menu for the word at ``position``: suggestions, Add, Ignore, Language."""
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


def _wave(start: float, end: float, y: float) -> QPainterPath:
    """A zigzag from ``start`` to ``end``, the spell-check underline of word processors."""
    path = QPainterPath(QPointF(start, y))
    x, up = start, True
    while x < end:
        x = min(x + WAVE_STEP, end)
        path.lineTo(QPointF(x, y - 1.5 if up else y))
        up = not up
    return path


def _x(line: QTextLine, position: int) -> float:
    """Where ``position`` falls on ``line``, in pixels (the bindings return a tuple)."""
    found = line.cursorToX(position)
    x = found[0] if isinstance(found, tuple) else found
    return float(x) if isinstance(x, int | float) else 0.0
