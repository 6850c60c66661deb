"""A date field that takes dates as people type them, or from a calendar that opens at today."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from postdesk.core.dates import long_date, parse_date
from postdesk.ui.qt_dates import qdate
from postdesk.ui.style import mark_invalid

NOT_A_DATE = "Not a date postdesk knows: type it like “March 1”, “1 March 2024” or “2024-03-01”."


class DateField(QWidget):
    """Empty means "no date yet"; a typed date counts as soon as it reads as one.

    A ``QDateEdit`` makes the blogger step through sections and cannot take "March 1"; this is
    a line to type in, with a calendar button beside it.
    """

    edited = Signal()

    def __init__(self, placeholder: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date: dt.date | None = None
        self.line = QLineEdit(self)
        self.line.setPlaceholderText(placeholder)
        self.line.setAccessibleName(accessible)
        # Wide enough for the longest date it shows ("September 30, 2026"), so none is cut off.
        longest = self.line.fontMetrics().horizontalAdvance("September 30, 20266")
        self.line.setMinimumWidth(longest + 12)
        self.calendar: QCalendarWidget | None = None  # built when first opened
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setAccessibleName(f"Pick the {accessible.lower()} from a calendar")
        self.button.setToolTip("Pick from a calendar")
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._menu = QMenu(self.button)
        self._menu.aboutToShow.connect(self._open_calendar)
        self.button.setMenu(self._menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._on_typed)
        self.line.editingFinished.connect(self._tidy)

    def date(self) -> dt.date | None:
        """The date shown, or ``None`` for none yet."""
        return self._date

    def set_date(self, date: dt.date | None) -> None:
        """Show ``date`` without signalling an edit."""
        self._date = date
        self.line.setText(long_date(date) if date else "")
        self._mark(True)

    def _on_typed(self, text: str) -> None:
        date = parse_date(text)
        known = date is not None or not text.strip()
        self._mark(known)
        if known and date != self._date:
            self._date = date
            self.edited.emit()

    def _tidy(self) -> None:
        """Once typing is done, show the date the long way, so the blogger sees what it read."""
        if self._date is not None and parse_date(self.line.text()) == self._date:
            self.line.setText(long_date(self._date))

    def _open_calendar(self) -> None:
        """Open at the date shown, or at today: never at some far-off default."""
        if self.calendar is None:
            self.calendar = QCalendarWidget()
            self.calendar.clicked.connect(self._on_picked)
            holder = QWidgetAction(self._menu)
            holder.setDefaultWidget(self.calendar)
            self._menu.addAction(holder)
        shown = self._date or dt.date.today()
        self.calendar.setSelectedDate(qdate(shown))
        self.calendar.setCurrentPage(shown.year, shown.month)

    def _on_picked(self, picked: QDate) -> None:
        self._menu.close()
        self.line.setText(long_date(dt.date(picked.year(), picked.month(), picked.day())))
        self._on_typed(self.line.text())
        self.line.setFocus()

    def _mark(self, known: bool) -> None:
        mark_invalid(self.line, not known)
        self.line.setToolTip("" if known else NOT_A_DATE)
