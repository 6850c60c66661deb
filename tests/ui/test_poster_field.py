"""The poster field says why a poster is refused, and export says it left the poster out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.hostile_posters import SECRET, hostile_draft, hostile_posters
from tests.ui.conftest import WindowFactory


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
