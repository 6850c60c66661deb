"""The poster: a file chosen with a dialog, shown as a thumbnail.

The thumbnail is decoded off the GUI thread (:mod:`postdesk.ui.thumbnails`), at about the
size it is shown: a poster of many megapixels never holds up the window (nor its first frame).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.posters import poster_refusal
from postdesk.ui.style import style_thumbnail
from postdesk.ui.workers import Task, start

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

THUMBNAIL_WIDTH = 72
UNDECODABLE = "The file starts like an image but cannot be read: it may be damaged."
IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.gif)"


class PosterPicker(QWidget):
    """The poster path (relative to the draft when it sits beside it) and its thumbnail."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_dir: Path | None = None
        # Thumbnails being decoded, by number; only the newest one is shown. Each task is
        # kept until it reports, so Python never frees one the thread pool still runs.
        self._decoding: dict[int, Task] = {}
        self._newest = 0
        self._shown_path: Path | None = None
        self._holding = False  # see hold_thumbnails
        self._held: tuple[int, Path, int] | None = None  # the newest decode asked while held
        self.path_edit = QLineEdit(self)
        self.path_edit.setPlaceholderText("No poster")
        self.path_edit.setAccessibleName("Poster file")
        self.path_edit.setClearButtonEnabled(True)
        choose = QPushButton(self)  # not QPushButton(text, …): that overload loads QIcon (~3 ms)
        choose.setText("Choose…")
        choose.setAccessibleName("Choose the poster file")
        self.thumbnail = QLabel(self)
        self.thumbnail.setFixedWidth(THUMBNAIL_WIDTH)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setAccessibleName("Poster preview")
        style_thumbnail(self.thumbnail)
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

    def hold_thumbnails(self) -> None:
        """Decode no thumbnail until :meth:`release_thumbnails` (only the newest waits).

        The window holds them until its first frame (``ui/startup.py``): the decoding thread
        takes Python's lock while Qt loads its image plugins (~2.5 ms) and competes for a
        core with the window being built.
        """
        self._holding = True

    def release_thumbnails(self) -> None:
        """Decode the thumbnail asked for while held, and the next ones at once."""
        self._holding = False
        held, self._held = self._held, None
        if held is not None:
            self._start_decoding(*held)

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
        from PySide6.QtWidgets import QFileDialog

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
        if path is not None and path == self._shown_path and self._newest in self._decoding:
            return  # already being decoded
        self._newest += 1
        self._shown_path = path
        self._held = None  # a decode held for an older poster is dropped, never started
        refusal = poster_refusal(path) if path else None
        if path is None or refusal is not None:
            self._show_text(path, refusal)
            return
        # Only a file the core accepts is decoded: never a device, a pipe or a huge file.
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText("")
        self.thumbnail.setToolTip("")
        number, width = self._newest, round(THUMBNAIL_WIDTH * self.devicePixelRatioF())
        if self._holding:
            self._held = (number, path, width)
        else:
            self._start_decoding(number, path, width)

    def _start_decoding(self, number: int, path: Path, width: int) -> None:
        from postdesk.ui.thumbnails import read_thumbnail  # Qt's image classes, on this thread

        task = Task(lambda _progress, _cancelled: (number, read_thumbnail(path, width)))
        task.signals.succeeded.connect(self._on_decoded)
        task.signals.failed.connect(lambda _error: self._decoding.pop(number, None))
        self._decoding[number] = task
        start(task)

    def _on_decoded(self, decoded: tuple[int, QImage | None]) -> None:
        number, image = decoded
        self._decoding.pop(number, None)
        if number != self._newest:
            return  # the poster changed while this one was decoded
        if image is None:  # it has an image's first bytes, but does not decode
            self._show_text(self._shown_path, UNDECODABLE)
            return
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.thumbnail.setPixmap(pixmap)

    def _show_text(self, path: Path | None, refusal: str | None) -> None:
        self.thumbnail.setPixmap(QPixmap())
        self.thumbnail.setText(_thumbnail_text(path, refusal))
        self.thumbnail.setToolTip(refusal or "")


def _thumbnail_text(path: Path | None, refusal: str | None) -> str:
    """A word where the thumbnail would be; the field's note under it says the whole why."""
    if path is None:
        return "No poster"
    if refusal is None or refusal.endswith("does not exist"):
        return "Not found"
    return "Not an image"
