"""The “Film” tab: the film's facts, its trailer, poster and synopsis."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.model import Film
from postdesk.ui.fields import Field, ListEdit
from postdesk.ui.markdown_editor import MarkdownEdit, MentionButton
from postdesk.ui.poster_picker import PosterPicker
from postdesk.ui.spell_line_edit import SpellLineEdit

RATINGS = ["", "G", "PG", "PG-13", "R", "NC-17", "Not Rated", "Unrated"]
NO_YEAR = 1869


def _spin(low: int, high: int, empty_text: str, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSpecialValueText(empty_text)  # shown at the minimum, which means "not set"
    box.setSuffix(suffix)
    return box


class FilmForm(QWidget):
    """Title, year, tagline, genres, runtime, rating, trailer, poster and synopsis."""

    edited = Signal()

    def __init__(self, cast_names: object, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.title.setPlaceholderText("1 Mile To You")
        self.year = _spin(NO_YEAR, 2200, "Unknown")
        self.tagline = SpellLineEdit()
        self.tagline.setPlaceholderText("Some memories are worth running for.")
        self.genres = ListEdit("Drama, Romance")
        self.runtime = _spin(0, 6000, "Unknown", " min")
        self.rating = QComboBox()
        self.rating.setEditable(True)
        self.rating.addItems(RATINGS)
        self.trailer = QLineEdit()
        self.trailer.setPlaceholderText("https://www.youtube.com/watch?v=…")
        self.poster = PosterPicker()
        self.synopsis = MarkdownEdit(
            "The story, as the press kit tells it. Mention an actor with @[Name] to show "
            "their credit.",
            lines=9,
        )
        self.mention = MentionButton(self.synopsis, cast_names)  # type: ignore[arg-type]
        self.synopsis.offer_mentions(cast_names)  # type: ignore[arg-type]
        self.fields = {
            "film.title": Field(self.title),
            "film.trailer_url": Field(self.trailer),
            "film.poster": Field(self.poster),
            "film.synopsis": Field(self.synopsis),
        }
        self._build_layout()
        self._connect()

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for box in (self.year, self.runtime):
            box.setMaximumWidth(140)
        self.rating.setMaximumWidth(180)
        rows = [
            ("&Title:", self.fields["film.title"], "Film title"),
            ("&Year:", self.year, "Year"),
            ("&Runtime:", self.runtime, "Runtime in minutes"),
            ("R&ated:", self.rating, "Rating"),
            ("Ta&gline:", self.tagline, "Tagline"),
            ("&Genres:", self.genres, "Genres, separated by commas"),
            ("T&railer:", self.fields["film.trailer_url"], "Trailer address"),
            ("&Poster:", self.fields["film.poster"], None),
        ]
        for label, widget, accessible in rows:
            form.addRow(label, widget)
            if accessible and isinstance(widget, QWidget):
                target = widget.editor if isinstance(widget, Field) else widget
                target.setAccessibleName(accessible)
        synopsis_head = QHBoxLayout()
        synopsis_label = QLabel("&Synopsis (Markdown):")
        synopsis_label.setBuddy(self.synopsis)
        synopsis_head.addWidget(synopsis_label)
        synopsis_head.addStretch(1)
        synopsis_head.addWidget(self.mention)
        self.synopsis.setAccessibleName("Synopsis")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(6)
        layout.addLayout(synopsis_head)
        layout.addWidget(self.fields["film.synopsis"], 1)

    def _connect(self) -> None:
        for line in (self.title, self.tagline, self.genres, self.trailer):
            line.textEdited.connect(self.edited)
        for box in (self.year, self.runtime):
            box.valueChanged.connect(self.edited)
        self.rating.currentTextChanged.connect(self.edited)
        self.poster.edited.connect(self.edited)
        self.synopsis.text_edited.connect(self.edited)

    def show_film(self, film: Film, base_dir: Path | None) -> None:
        """Fill the fields from ``film`` without signalling edits."""
        widgets = (self.title, self.tagline, self.genres, self.trailer, self.year, self.runtime)
        blocked = [w.blockSignals(True) for w in (*widgets, self.rating)]
        self.title.setText(film.title)
        self.tagline.setText(film.tagline or "")
        self.genres.set_items(film.genres)
        self.trailer.setText(film.trailer_url or "")
        self.year.setValue(film.year or NO_YEAR)
        self.runtime.setValue(film.runtime_minutes or 0)
        self.rating.setCurrentText(film.rating or "")
        for widget, was in zip((*widgets, self.rating), blocked, strict=True):
            widget.blockSignals(was)
        self.poster.set_poster(film.poster, base_dir)
        self.synopsis.set_markdown(film.synopsis)

    def collect(self, film: Film) -> Film:
        """``film`` with this tab's values (cast, credits and releases come from their tab)."""
        year = self.year.value()
        return dataclasses.replace(
            film,
            title=self.title.text(),
            year=None if year == NO_YEAR else year,
            tagline=self.tagline.text().strip() or None,
            genres=self.genres.items(),
            runtime_minutes=self.runtime.value() or None,
            rating=self.rating.currentText().strip() or None,
            trailer_url=self.trailer.text().strip() or None,
            poster=self.poster.poster(),
            synopsis=self.synopsis.markdown(),
        )
