"""The poster: a file chosen with a dialog, shown as a thumbnail."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.posters import poster_refusal

THUMBNAIL_WIDTH = 72
IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.gif)"


class PosterPicker(QWidget):
    """The poster path (relative to the draft when it sits beside it) and its thumbnail."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_dir: Path | None = None
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("No poster")
        self.path_edit.setAccessibleName("Poster file")
        self.path_edit.setClearButtonEnabled(True)
        choose = QPushButton("Choose…", self)
        choose.setAccessibleName("Choose the poster file")
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedWidth(THUMBNAIL_WIDTH)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setAccessibleName("Poster preview")
        self.thumbnail.setObjectName("posterThumbnail")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(choose)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(column, 1)
        layout.addWidget(self.thumbnail)
        choose.clicked.connect(self._on_choose)
        self.path_edit.textChanged.connect(self._update_thumbnail)
        self.path_edit.textEdited.connect(self.edited)
        self.setFocusProxy(self.path_edit)

    def set_poster(self, poster: str | None, base_dir: Path | None) -> None:
        """Show ``poster`` (relative to ``base_dir``) without signalling an edit."""
        self.base_dir = base_dir
        blocked = self.path_edit.blockSignals(True)
        self.path_edit.setText(poster or "")
        self.path_edit.blockSignals(blocked)
        self._update_thumbnail()

    def poster(self) -> str | None:
        """The poster path as stored in the draft."""
        return self.path_edit.text().strip() or None

    def resolved(self) -> Path | None:
        """The poster as a file path."""
        poster = self.poster()
        if not poster:
            return None
        path = Path(poster).expanduser()
        return path if path.is_absolute() or not self.base_dir else self.base_dir / path

    def _on_choose(self) -> None:
        start = str(self.resolved() or self.base_dir or Path.home())
        chosen, _ = QFileDialog.getOpenFileName(self, "Choose the poster", start, IMAGE_FILTER)
        if chosen:
            self.path_edit.setText(self._stored_form(Path(chosen)))
            self.edited.emit()

    def _stored_form(self, chosen: Path) -> str:
        """Relative when the poster sits in the draft's folder or below, so both move together."""
        if self.base_dir:
            try:
                relative = chosen.resolve().relative_to(self.base_dir.resolve())
            except ValueError:
                return str(chosen)
            return relative.as_posix() if not relative.as_posix().startswith("..") else str(chosen)
        return str(chosen)

    def _update_thumbnail(self) -> None:
        path = self.resolved()
        refusal = poster_refusal(path) if path else None
        # Only a file the core accepts is decoded: never a device, a pipe or a huge file.
        pixmap = QPixmap(os.fspath(path)) if path and refusal is None else QPixmap()
        if pixmap.isNull():
            self.thumbnail.setPixmap(QPixmap())
            self.thumbnail.setText(_thumbnail_text(path, refusal))
            self.thumbnail.setToolTip(refusal or "")
            return
        self.thumbnail.setToolTip("")
        self.thumbnail.setPixmap(
            pixmap.scaledToWidth(THUMBNAIL_WIDTH, Qt.TransformationMode.SmoothTransformation)
        )


def _thumbnail_text(path: Path | None, refusal: str | None) -> str:
    """A word where the thumbnail would be; the field's note under it says the whole why."""
    if path is None:
        return "No poster"
    if refusal is None or refusal.endswith("does not exist"):
        return "Not found"
    return "Not an image"
