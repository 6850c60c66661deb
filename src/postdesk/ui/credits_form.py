"""The “Cast & credits” tab: the cast table, directors, writers and releases."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from postdesk.core.drafts.model import Film
from postdesk.ui.cast_table import CastEditor
from postdesk.ui.fields import ListEdit
from postdesk.ui.releases_editor import ReleasesEditor
from postdesk.ui.style import style_hint

#: Where a "Known for" credit ends up, said where it is typed (the cast sentence's style).
CREDITS_NOTE = (
    "Known for: an actor the synopsis mentions with @[Name] gets the credit there "
    "(Graham Rogers, “Quantico”); the others get theirs in the cast sentence after the "
    "synopsis (… also stars Tim Roth (“Pulp Fiction”)). The release announcement’s "
    "At a glance lists every credit."
)


class CreditsForm(QWidget):
    """Who is in it, who made it, and when and where it comes out."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cast = CastEditor()
        self.directors = ListEdit("Leif Tilden")
        self.directors.setAccessibleName("Directors, separated by commas")
        self.writers = ListEdit("Marc Novak")
        self.writers.setAccessibleName("Writers, separated by commas")
        self.releases = ReleasesEditor()
        hint = QLabel(
            "In billing order. The synopsis can mention anyone here; the others go into the "
            "“also stars” sentence."
        )
        hint.setWordWrap(True)
        style_hint(hint)
        self.credits_note = QLabel(CREDITS_NOTE)
        self.credits_note.setWordWrap(True)
        style_hint(self.credits_note)
        self.credits_note.setAccessibleName("Where credits appear")
        form = QFormLayout()
        form.addRow("&Directors:", self.directors)
        form.addRow("&Writers:", self.writers)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<b>Cast</b>"))
        layout.addWidget(hint)
        layout.addWidget(self.cast, 1)
        layout.addWidget(self.credits_note)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addSpacing(8)
        layout.addWidget(QLabel("<b>Releases</b>"))
        layout.addWidget(self.releases)
        layout.addStretch(0)
        self.cast.edited.connect(self.edited)
        self.directors.textEdited.connect(self.edited)
        self.writers.textEdited.connect(self.edited)
        self.releases.edited.connect(self.edited)

    def show_film(self, film: Film) -> None:
        """Fill the tab from ``film`` without signalling edits."""
        self.cast.set_cast(film.cast)
        self.directors.set_items(film.directors)
        self.writers.set_items(film.writers)
        self.releases.set_releases(film.releases)

    def collect(self, film: Film) -> Film:
        """``film`` with this tab's values."""
        return dataclasses.replace(
            film,
            cast=self.cast.cast(),
            directors=self.directors.items(),
            writers=self.writers.items(),
            releases=self.releases.releases(),
        )
