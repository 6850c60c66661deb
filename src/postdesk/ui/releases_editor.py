"""Release entries: a date (picked from a calendar, or none yet) and where the film shows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.model import Release

NO_DATE = QDate(1900, 1, 1)
VENUES = ["theaters", "select theaters", "VOD", "digital", "Netflix", "Prime Video", "Disney+",
          "Max", "Apple TV+", "Hulu", "Blu-ray and DVD", "IMAX"]  # fmt: skip


class ReleaseRow(QWidget):
    """One release: date and venue, with a button to remove it."""

    edited = Signal()
    remove_requested = Signal(object)

    def __init__(self, release: Release, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.extra = dict(release.extra)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(NO_DATE)
        self.date.setSpecialValueText("No date yet")
        self.date.setDisplayFormat("MMMM d, yyyy")
        self.date.setAccessibleName("Release date")
        self.date.setDate(QDate(release.date) if release.date else NO_DATE)
        self.where = QLineEdit(release.where, self)
        self.where.setPlaceholderText("theaters, VOD, Netflix…")
        self.where.setAccessibleName("Where it is released")
        self.where.setCompleter(QCompleter(VENUES, self.where))
        remove = QPushButton("Remove", self)
        remove.setAccessibleName("Remove this release")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 2)
        layout.addWidget(self.where, 3)
        layout.addWidget(remove)
        self.date.dateChanged.connect(self.edited)
        self.where.textEdited.connect(self.edited)
        remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def release(self) -> Release | None:
        """The release, or ``None`` while the venue is blank."""
        where = self.where.text().strip()
        if not where:
            return None
        date = self.date.date()
        value = None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
        return Release(where=where, date=value, extra=dict(self.extra))


class ReleasesEditor(QWidget):
    """The list of release entries."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReleaseRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        add = QPushButton("Add release", self)
        add.setAccessibleName("Add a release date")
        add.clicked.connect(self._on_add)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def set_releases(self, releases: list[Release]) -> None:
        """Show ``releases`` without signalling an edit."""
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for release in releases:
            self._add_row(release)

    def releases(self) -> list[Release]:
        """The releases with a venue, in the order shown."""
        found = (row.release() for row in self._rows)
        return [release for release in found if release is not None]

    def _add_row(self, release: Release) -> ReleaseRow:
        row = ReleaseRow(release, self)
        row.edited.connect(self.edited)
        row.remove_requested.connect(self._on_remove)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _on_add(self) -> None:
        row = self._add_row(Release(where="", date=dt.date.today()))
        row.where.setFocus()
        self.edited.emit()

    def _on_remove(self, row: ReleaseRow) -> None:
        self._rows.remove(row)
        row.deleteLater()
        self.edited.emit()
