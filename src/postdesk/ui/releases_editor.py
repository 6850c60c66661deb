"""Release entries: a date (picked from a calendar, or none yet) and where the film shows."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.model import Release
from postdesk.core.render.phrasing import COMMON_VENUES, release_line
from postdesk.ui.date_field import DateField
from postdesk.ui.style import style_hint

PHRASE_TIP = (
    "How the post will say it. To say it differently, type the preposition yourself "
    "(“at the Alamo”)."
)


def venue_completer(parent: QWidget) -> QCompleter:
    """Suggests the common venues, whatever the case typed ("sx" offers SXSW)."""
    completer = QCompleter(list(COMMON_VENUES), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class ReleaseRow(QWidget):
    """One release: date and venue, with a button to remove it."""

    edited = Signal()
    remove_requested = Signal(object)

    def __init__(self, release: Release, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.extra = dict(release.extra)
        self.date = DateField("No date yet", "Release date", self)
        self.date.set_date(release.date)
        self.where = QLineEdit(release.where, self)
        self.where.setPlaceholderText("theaters, VOD, Netflix…")
        self.where.setAccessibleName("Where it is released")
        self.where.setCompleter(venue_completer(self.where))
        self.phrase = QLabel(self)
        style_hint(self.phrase)
        self.phrase.setWordWrap(True)  # a long venue wraps rather than being cut off
        self.phrase.setAccessibleName("How the post says it")
        self.phrase.setToolTip(PHRASE_TIP)
        # On a narrow window the venue keeps room for a short venue; the phrase wraps.
        metrics = self.fontMetrics()
        self.where.setMinimumWidth(metrics.horizontalAdvance("theaters, VOD") + 12)
        self.phrase.setMinimumWidth(metrics.horizontalAdvance("M" * 6))
        remove = QPushButton("Remove", self)
        remove.setAccessibleName("Remove this release")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 0)
        layout.addWidget(self.where, 3)
        layout.addWidget(self.phrase, 3)
        layout.addWidget(remove)
        self.date.edited.connect(self.edited)
        self.where.textEdited.connect(self.edited)
        # A picked suggestion is set without textEdited: it is an edit all the same.
        self.where.completer().activated.connect(self.edited)
        self.date.edited.connect(self._show_phrase)
        self.where.textChanged.connect(self._show_phrase)
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self._show_phrase()

    def _show_phrase(self) -> None:
        """Beside the venue, the words the post will use: "at SXSW on March 11th"."""
        release = self.release()
        self.phrase.setText(release_line([release]) if release else "")

    def release(self) -> Release | None:
        """The release, or ``None`` while the venue is blank."""
        where = self.where.text().strip()
        if not where:
            return None
        return Release(where=where, date=self.date.date(), extra=dict(self.extra))


class ReleasesEditor(QWidget):
    """The list of release entries."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReleaseRow] = []
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        add = self.add_button = QPushButton("Add release", self)
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
        # No date until the blogger gives one: a date of today would read as a real release.
        row = self._add_row(Release(where="", date=None))
        row.where.setFocus()
        self.edited.emit()

    def _on_remove(self, row: ReleaseRow) -> None:
        self._rows.remove(row)
        row.deleteLater()
        self.edited.emit()
