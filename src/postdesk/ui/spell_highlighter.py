"""Red underlines in a text document (the synopsis, the note), block by block.

QSyntaxHighlighter re-checks only the edited block and each word's answer is cached in the
shared checker, so a keystroke in a long synopsis costs one paragraph's look-ups at most. A
whole long text to check (spell check starting, a draft opened, a new name, a word added) is
looked at a slice at a time between events, then underlined in one pass from the caches, so
typing never waits for it. Loaded when an editor first shows, not before the window's frame.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from postdesk.ui.spellcheck import UNDERLINE, SpellChecker

#: How long one turn of the event loop may spend checking before the rest waits for the next
#: turns: well under a frame, so a key pressed meanwhile is handled at once.
SLICE_SECONDS = 0.008


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of one text document, block by block.

    Qt asks for every block at once when a whole text is set; past a slice of time in one
    turn, the remaining blocks stay plain for now and are checked in the background (see
    :meth:`recheck_all`). Re-underlining block by block would cost a relayout each.
    """

    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self._checker = checker
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE)
        self._to_check: list[str] = []  # block texts still to look at, last first
        self._turn_started: float | None = None
        self._underlining = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._check_slice)
        checker.notifier.changed.connect(self.recheck_all)

    @property
    def checking(self) -> bool:
        """Whether a background check is under way (its underlines are still to come)."""
        return self._timer.isActive()

    def recheck_all(self) -> None:
        """Look at every block a slice at a time, then underline all of them in one pass."""
        texts = []
        block = self.document().firstBlock()
        while block.isValid():
            texts.append(block.text())
            block = block.next()
        self._to_check = texts[::-1]
        self._timer.start()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Underline each word of this block the dictionary does not know."""
        if not self._underlining and self._over_budget():
            if not self._timer.isActive():
                QTimer.singleShot(0, self.recheck_all)  # after Qt's pass over the new text
            return
        for word in self._checker.misspelt(text):
            self.setFormat(word.start, len(word.text), self._format)

    def _over_budget(self) -> bool:
        now = time.perf_counter()
        if self._turn_started is None:
            self._turn_started = now
            QTimer.singleShot(0, self._end_turn)
        return now - self._turn_started > SLICE_SECONDS

    def _end_turn(self) -> None:
        self._turn_started = None

    def _check_slice(self) -> None:
        """Fill the checker's caches for one slice of time; underline all once done."""
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._to_check and time.perf_counter() < deadline:
            self._checker.misspelt(self._to_check.pop())
        if self._to_check:
            return
        self._timer.stop()
        self._underlining = True  # answers are cached now: the whole pass is quick
        try:  # no edit: the editors report edits only when characters change
            self.rehighlight()
        finally:
            self._underlining = False
