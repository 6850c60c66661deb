"""The poster field shows the poster or says why it is refused; export says it left it out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from postdesk.ui.poster_picker import THUMBNAIL_WIDTH
from tests.hostile_posters import SECRET, hostile_draft, hostile_posters
from tests.ui.conftest import WindowFactory
from tests.ui.test_window import seed_copy


def test_the_poster_field_explains_a_file_that_is_not_an_image(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    hostile_posters(tmp_path)
    window = make_window(hostile_draft(tmp_path, "../../secret/passwords.txt"))
    field = window.form.fields["film.poster"]
    assert field.note.isVisibleTo(window)
    assert field.note.text().startswith("The file ")
    assert "passwords.txt is not a JPEG, PNG, WebP or GIF image" in field.note.text()
    assert window.form.film.poster.thumbnail.text() == "Not an image"
    window.form.film.poster.path_edit.setText("huge.jpg")
    window.form.film.poster.edited.emit()
    qtbot.waitUntil(lambda: "larger than 20 MB" in field.note.text())
    assert window.form.film.poster.thumbnail.text() == "Not an image"


def test_export_warns_that_the_poster_was_left_out(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hostile_posters(tmp_path)
    window = make_window(hostile_draft(tmp_path, "renamed.jpg"))
    out = tmp_path / "exported.html"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.files.export_html()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Exported to {out} (warning: film.poster: the file ")
    assert "renamed.jpg is not a JPEG, PNG, WebP or GIF image" in message
    assert message.endswith("the exported page has no poster)")
    assert SECRET not in out.read_text()


def test_the_poster_thumbnail_is_decoded_and_shown_at_its_size(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(seed_copy(tmp_path / "drafts"))
    thumbnail = window.form.film.poster.thumbnail
    qtbot.waitUntil(lambda: not thumbnail.pixmap().isNull(), timeout=10_000)
    pixmap = thumbnail.pixmap()
    assert pixmap.deviceIndependentSize().width() == THUMBNAIL_WIDTH
    assert round(pixmap.deviceIndependentSize().height()) == 108  # the 600×900 poster's shape
    assert thumbnail.text() == ""


# Qt's JPEG reader says what it found wrong in the broken file: expected here.
@pytest.mark.qt_log_ignore("Corrupt JPEG data", "JPEG datastream contains no image")
def test_a_poster_that_looks_like_a_jpeg_but_is_broken_says_so(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    (path.parent / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"not really a picture" * 50)
    window = make_window(path)
    poster = window.form.film.poster
    qtbot.waitUntil(lambda: not poster.thumbnail.pixmap().isNull(), timeout=10_000)
    poster.path_edit.setText("broken.jpg")
    poster.edited.emit()
    qtbot.waitUntil(lambda: poster.thumbnail.text() == "Not an image", timeout=10_000)
    assert poster.thumbnail.pixmap().isNull()
    assert "cannot be read" in poster.thumbnail.toolTip()
    # Changed again before the first decode ends: only the newest poster is shown.
    poster.path_edit.setText("broken.jpg")
    poster.path_edit.setText("1-mile-to-you.jpg")
    qtbot.waitUntil(lambda: not poster._decoding, timeout=10_000)  # both decodes answered
    assert not poster.thumbnail.pixmap().isNull()
    assert poster.thumbnail.text() == ""


def test_a_held_thumbnail_is_decoded_once_released(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    # The window holds thumbnails until its first frame; none is lost meanwhile.
    window = make_window(seed_copy(tmp_path / "drafts"))
    poster = window.form.film.poster
    qtbot.waitUntil(lambda: not poster.thumbnail.pixmap().isNull(), timeout=10_000)
    poster.hold_thumbnails()
    poster.path_edit.setText("")
    poster.path_edit.setText("1-mile-to-you.jpg")  # the draft's own poster again
    qtbot.wait(200)
    assert poster.thumbnail.pixmap().isNull()  # asked for, not decoded while held
    poster.release_thumbnails()
    qtbot.waitUntil(lambda: not poster.thumbnail.pixmap().isNull(), timeout=10_000)
    assert poster.thumbnail.text() == ""
