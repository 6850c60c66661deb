"""The real window never overwrites silently: outside changes, read-only drafts, export names."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import load_draft
from tests.ui.conftest import Dialogs, WindowFactory
from tests.ui.test_window import seed_copy


def answer_with(monkeypatch: pytest.MonkeyPatch, dialogs: Dialogs, button: str) -> None:
    """Message boxes with their own buttons are answered by clicking ``button``."""

    def exec_(box: QMessageBox) -> int:
        dialogs.warnings.append(f"{box.windowTitle()}: {box.text()}")
        for candidate in box.buttons():
            if candidate.text() == button:
                candidate.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), ""))


def type_question(window: object, text: str) -> None:
    question = window.form.post.question  # type: ignore[attr-defined]
    question.setText(text)
    question.textEdited.emit(text)


def other_program_writes(path: Path, title: str) -> bytes:
    """Another editor saves the draft with a new film title (write, then rename)."""
    text = path.read_text(encoding="utf-8").replace('"1 Mile To You"', f'"{title}"', 1)
    temporary = path.with_name("editor.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)
    return path.read_bytes()


def test_an_outside_change_is_noticed_and_never_overwritten_silently(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path)
    type_question(window, "Mine")
    theirs = other_program_writes(path, "Their Title")
    # The watcher asks at once; closing that question (Cancel) decides nothing.
    qtbot.waitUntil(lambda: any("changed on disk" in w for w in dialogs.warnings), timeout=10_000)
    assert any(str(path) in w and "another program" in w for w in dialogs.warnings)
    assert not window.files.save()
    assert path.read_bytes() == theirs
    # Save asks again; "Keep Mine" replaces their version with the window's.
    answer_with(monkeypatch, dialogs, "Keep Mine")
    assert window.files.save()
    saved = load_draft(path)
    assert saved.post.question == "Mine" and saved.film.title == "1 Mile To You"
    assert not window.isWindowModified()


def test_reload_shows_the_other_programs_version(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path)
    answer_with(monkeypatch, dialogs, "Reload")
    theirs = other_program_writes(path, "Their Title")
    qtbot.waitUntil(lambda: window.form.film.title.text() == "Their Title", timeout=10_000)
    assert not window.isWindowModified()
    type_question(window, "Mine, on theirs")
    assert window.files.save()  # no question: the window now holds what the file held
    assert load_draft(path).film.title == "Their Title"
    assert path.read_bytes() != theirs


def test_save_as_keeps_both_versions(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path)
    type_question(window, "Mine")
    theirs = other_program_writes(path, "Their Title")
    qtbot.waitUntil(lambda: any("changed on disk" in w for w in dialogs.warnings), timeout=10_000)
    answer_with(monkeypatch, dialogs, "Save As…")
    mine = tmp_path / "drafts" / "mine.postdesk"
    choose_file(monkeypatch, mine)
    assert window.files.save()
    assert path.read_bytes() == theirs
    assert load_draft(mine).post.question == "Mine"
    assert window.windowTitle() == "mine.postdesk[*] — postdesk"


def test_a_read_only_draft_is_refused_and_save_as_offered(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = seed_copy(tmp_path / "drafts")
    path.chmod(0o444)
    before = path.read_bytes()
    window = make_window(path)
    type_question(window, "Mine")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert not window.files.save()
    assert dialogs.questions[-1] == (
        f"The draft is read-only: {path} is read-only, so postdesk did not overwrite it.\n\n"
        "Save your draft under another name?"
    )
    assert window.isWindowModified()
    copy = tmp_path / "drafts" / "copy.postdesk"
    choose_file(monkeypatch, copy)
    dialogs.answer = QMessageBox.StandardButton.Save
    assert window.files.save()
    assert path.read_bytes() == before and path.stat().st_mode & 0o777 == 0o444
    assert load_draft(copy).post.question == "Mine"


def test_export_never_writes_over_the_draft(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = seed_copy(tmp_path / "drafts")
    before = path.read_bytes()
    alias = path.with_name("seed.html")
    alias.symlink_to(path)
    window = make_window(path)
    for chosen in (path, alias):
        choose_file(monkeypatch, chosen)
        window.files.export_html()
        assert dialogs.warnings[-1] == (
            f"Export failed: {chosen} is the draft itself; export the page under another name."
        )
    assert path.read_bytes() == before and alias.is_symlink()
