"""The real window, driven as a blogger would: type, add, switch, save, reopen, recover."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import load_draft
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.ui.conftest import Dialogs, WindowFactory, page_text, wait_for_preview


def seed_copy(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED_DRAFT, folder / "seed.postdesk")
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", folder / "1-mile-to-you.jpg")
    return folder / "seed.postdesk"


def test_the_first_start_shows_the_seed_post(qtbot: QtBot, make_window: WindowFactory) -> None:
    before = SEED_DRAFT.read_bytes()
    window = make_window()
    assert window.form.film.title.text() == "1 Mile To You"
    text = wait_for_preview(qtbot, window, "1 Mile To You also stars Melanie Lynskey")
    assert "Trailer Park Tuesday, 1 Mile To You" in text
    assert "See it on VOD and in theaters on April 7th!" in text
    assert window.document.path is None  # an untitled copy: the bundled file stays as it is
    assert window.windowTitle() == "Untitled[*] — postdesk"
    poster = page_text(qtbot, window, "document.querySelector('.post-poster img').naturalWidth")
    assert poster == 600
    assert SEED_DRAFT.read_bytes() == before


def test_a_typed_title_appears_in_the_preview(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.form.setCurrentIndex(2)
    title = window.form.post.title
    title.selectAll()
    qtbot.keyClicks(title, "Trailer Park Tuesday: Heat")
    wait_for_preview(qtbot, window, "Trailer Park Tuesday: Heat")
    heading = page_text(qtbot, window, "document.querySelector('h1').textContent")
    assert heading == "Trailer Park Tuesday: Heat"
    assert window.isWindowModified()


def test_a_new_cast_member_with_a_credit_shows_inline(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.form.setCurrentIndex(1)
    cast = window.form.credits.cast
    qtbot.mouseClick(cast.add_button, Qt.MouseButton.LeftButton)
    row = cast.model.rowCount() - 1
    cast.model.setData(cast.model.index(row, 0), "Kelly Reilly")
    cast.model.setData(cast.model.index(row, 2), "Yellowstone")
    wait_for_preview(qtbot, window, "Peter Coyote, Tim Roth and Kelly Reilly (“Yellowstone”).")
    synopsis = window.form.film.synopsis
    synopsis.moveCursor(synopsis.textCursor().MoveOperation.End)
    synopsis.insertPlainText(" A stranger (")
    synopsis.insert_mention("Kelly Reilly")
    synopsis.insertPlainText(") arrives.")
    text = wait_for_preview(qtbot, window, "A stranger (Kelly Reilly, “Yellowstone”) arrives.")
    assert "Peter Coyote and Tim Roth." in text


def test_switching_templates(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    chooser = window.form.post.template
    chooser.setCurrentIndex(chooser.findData("review"))
    wait_for_preview(qtbot, window, "The story")
    assert "Your verdict with a star rating" in window.form.post.template_description.text()
    chooser.setCurrentIndex(chooser.findData("release-announcement"))
    wait_for_preview(qtbot, window, "At a glance")


def test_save_then_reopen_gives_the_same_draft(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path)
    assert window.windowTitle() == "seed.postdesk[*] — postdesk"
    window.form.post.question.setText("Will you see it this weekend?")
    window.form.post.question.textEdited.emit("Will you see it this weekend?")
    assert window.isWindowModified()
    assert window.files.save()
    assert not window.isWindowModified()
    saved = path.read_bytes()
    assert load_draft(path).post.question == "Will you see it this weekend?"
    again = make_window(path, home=tmp_path / "other-home")
    assert again.form.post.question.text() == "Will you see it this weekend?"
    assert again.files.save()
    assert path.read_bytes() == saved  # nothing lost or changed by the round trip


def test_a_malformed_draft_is_explained_and_the_current_one_kept(
    qtbot: QtBot, make_window: WindowFactory, dialogs: Dialogs, tmp_path: Path
) -> None:
    window = make_window()
    bad = tmp_path / "bad.postdesk"
    bad.write_text(json.dumps({"postdesk": 1, "film": {"title": "x", "releases": [
        {"date": "2017-13-40", "where": "VOD"}]}, "post": {"title": "y"}}))  # fmt: skip
    before = bad.read_bytes()
    assert not window.files.open_path(bad, confirmed=True)
    assert any(
        str(bad) in w and 'film.releases[0].date: "2017-13-40" is not a date' in w
        for w in dialogs.warnings
    ), dialogs.warnings
    assert window.form.film.title.text() == "1 Mile To You"
    assert window.document.draft.film.title == "1 Mile To You"
    assert bad.read_bytes() == before


def test_closing_with_unsaved_changes_asks(
    qtbot: QtBot, make_window: WindowFactory, dialogs: Dialogs
) -> None:
    window = make_window()
    window.form.film.tagline.setText("Changed")
    window.form.film.tagline.textEdited.emit("Changed")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert window.isVisible()
    assert dialogs.questions and dialogs.questions[-1].startswith("Unsaved changes")


def test_renders_are_coalesced_while_typing(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    before = window.scheduler.renders_started
    tagline = window.form.film.tagline
    tagline.clear()
    qtbot.keyClicks(tagline, "Typed quickly, one key after the other.")
    wait_for_preview(qtbot, window, "Typed quickly, one key after the other.")
    renders = window.scheduler.renders_started - before
    assert 1 <= renders < len("Typed quickly, one key after the other.") / 3


def test_links_open_in_the_browser_not_in_the_preview(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: object
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))  # type: ignore[attr-defined]
    window = make_window()
    page_text(qtbot, window, "document.querySelector('.trailer-placeholder a').click(); 1")
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened == ["https://www.youtube.com/watch?v=1MileToYou0"]
    assert "1 Mile To You also stars" in page_text(qtbot, window)  # still the post


def test_the_preview_loads_nothing_from_the_network(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.preview is not None
    shown: list[bool] = []
    window.preview.page().loadFinished.connect(shown.append)
    window.preview.page().setHtml(
        '<img src="https://example.com/tracker.png"><script src="https://example.com/x.js">'
        "</script>",
        QUrl("about:blank"),
    )
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    qtbot.waitUntil(lambda: len(window.preview.interceptor.blocked) >= 2, timeout=10_000)  # type: ignore[union-attr]
    assert set(window.preview.interceptor.blocked) == {
        "https://example.com/tracker.png",
        "https://example.com/x.js",
    }


def test_invalid_values_are_marked_at_the_field(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    trailer = window.form.fields["film.trailer_url"]
    trailer.editor.setText("javascript:alert(1)")  # type: ignore[attr-defined]
    trailer.editor.textEdited.emit("javascript:alert(1)")  # type: ignore[attr-defined]
    assert trailer.note.isVisibleTo(window)
    assert "Not a web address" in trailer.note.text()
    assert trailer.editor.toolTip() == trailer.note.text()
    trailer.editor.setText("https://vimeo.com/76979871")  # type: ignore[attr-defined]
    trailer.editor.textEdited.emit("https://vimeo.com/76979871")  # type: ignore[attr-defined]
    assert not trailer.note.isVisibleTo(window)
    title = window.form.fields["film.title"]
    title.editor.setText("")  # type: ignore[attr-defined]
    title.editor.textEdited.emit("")  # type: ignore[attr-defined]
    assert "cannot be saved without it" in title.note.text()


def home_with_broken_template(tmp_path: Path) -> Path:
    """A home folder whose templates include "broken", which names a field that is not there."""
    home = tmp_path / "home"
    (home / "data" / "templates").mkdir(parents=True)
    (home / "data" / "templates" / "broken.html").write_text(
        "{#- postdesk\nname: Broken\ndescription: Has a typo.\n-#}\n<p>{{ film.titel }}</p>"
    )
    return home


def test_a_template_error_is_shown_in_the_preview(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = home_with_broken_template(tmp_path)
    window = make_window(home=home)
    chooser = window.form.post.template
    chooser.setCurrentIndex(chooser.findData("broken"))
    text = wait_for_preview(qtbot, window, "The template cannot show this draft yet")
    assert "template “broken”, line 5" in text and "titel" in text
    chooser.setCurrentIndex(chooser.findData("trailer-tuesday"))
    wait_for_preview(qtbot, window, "1 Mile To You also stars")


def test_a_draft_that_opens_on_a_broken_template_shows_the_error_styled_then_the_post(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = home_with_broken_template(tmp_path)
    path = seed_copy(tmp_path / "drafts")
    data = json.loads(path.read_text())
    data["post"]["template"] = "broken"
    path.write_text(json.dumps(data))
    window = make_window(path, home=home)
    wait_for_preview(qtbot, window, "The template cannot show this draft yet")
    box = "getComputedStyle(document.querySelector('.postdesk-error')).borderTopStyle"
    assert page_text(qtbot, window, box) == "solid"  # the post stylesheet frames the message
    window.form.film.title.setText("Two Miles")  # still broken: the message stays
    window.form.film.title.textEdited.emit("Two Miles")
    qtbot.waitUntil(lambda: window.scheduler.renders_started >= 2, timeout=10_000)
    assert window.scheduler.wait_for_idle()
    wait_for_preview(qtbot, window, "The template cannot show this draft yet")
    assert page_text(qtbot, window, box) == "solid"
    chooser = window.form.post.template
    chooser.setCurrentIndex(chooser.findData("trailer-tuesday"))
    wait_for_preview(qtbot, window, "Two Miles also stars")


def test_undo_brings_back_a_removed_cast_member(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    cast = window.form.credits.cast
    cast.table.setCurrentIndex(cast.model.index(6, 0))
    qtbot.mouseClick(cast.remove_button, Qt.MouseButton.LeftButton)
    assert [m.name for m in window.document.draft.film.cast][-1] == "Peter Coyote"
    qtbot.waitUntil(lambda: window.undo_stack.canUndo(), timeout=5000)
    window.undo_action.trigger()
    assert [m.name for m in window.document.draft.film.cast][-1] == "Tim Roth"
    assert cast.model.rowCount() == 7
    window.redo_action.trigger()
    assert cast.model.rowCount() == 6


def test_the_splitter_and_size_are_remembered(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    window.splitter.setSizes([700, 580])
    sizes = window.splitter.sizes()
    window.close()
    again = make_window(home=tmp_path / "home")
    assert again.splitter.sizes() == sizes


CRASHING_EDITOR = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from PySide6.QtCore import QTimer
    from postdesk.ui.app import prepare_web_engine
    prepare_web_engine()
    from postdesk.ui.main_window import MainWindow
    from postdesk.ui.qt_app import create_application
    app = create_application(sys.argv[:1])
    window = MainWindow.for_user(sys.argv[1], Path(sys.argv[2]))
    window.show()
    window.start()
    def edit():
        window.form.film.title.setText("Unsaved title")
        window.form.film.title.textEdited.emit("Unsaved title")
    def crash():
        os.kill(os.getpid(), signal.SIGKILL)
    window.autosaver.saved.connect(crash)  # killed right after the recovery copy is written
    QTimer.singleShot(0, edit)
    app.exec()
    """
)


def edit_and_get_killed(home: Path, path: Path) -> None:
    """Run the editor in its own process: open ``path``, change the title, then kill -9."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    crashed = subprocess.run(
        [sys.executable, "-c", CRASHING_EDITOR, str(home), str(path)],
        env=env, capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert crashed.returncode == -signal.SIGKILL, crashed.stderr


def test_unsaved_work_is_recovered_after_a_kill(
    qtbot: QtBot, make_window: WindowFactory, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    home = tmp_path / "home"
    edit_and_get_killed(home, path)
    assert load_draft(path).film.title == "1 Mile To You"  # the user's file was not touched
    dialogs.answer = QMessageBox.StandardButton.Yes
    window = make_window(home=home)
    assert dialogs.questions[0].startswith("Restore unsaved work?: postdesk closed before")
    assert window.form.film.title.text() == "Unsaved title"
    assert window.document.path == path.resolve()
    assert window.isWindowModified()


def test_declining_recovery_discards_the_copy(
    qtbot: QtBot, make_window: WindowFactory, dialogs: Dialogs, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    home = tmp_path / "home"
    edit_and_get_killed(home, path)
    assert list((home / "data" / "recovery").glob("*.json"))
    dialogs.answer = QMessageBox.StandardButton.No
    window = make_window(home=home)
    assert window.form.film.title.text() == "1 Mile To You"
    assert not list((home / "data" / "recovery").glob("*.json"))


def test_without_a_display_the_app_says_so(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    result = subprocess.run(
        [sys.executable, "-m", "postdesk", "--config-dir", str(tmp_path)],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "cannot open the window: there is no display" in result.stderr
    assert "postdesk render" in result.stderr


def test_every_control_has_an_accessible_name_and_takes_focus(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractSpinBox,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTabBar,
        QTableView,
    )

    window = make_window()
    kinds = (QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QTableView, QAbstractButton)
    controls = [w for kind in kinds for w in window.form.findChildren(kind)]
    unnamed, unreachable = [], []
    for control in controls:
        parts_of = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QTableView)
        if isinstance(control.parent(), parts_of):
            continue  # parts of a control (its editor, clear or scroll button): it has the name
        named = control.accessibleName() or (
            isinstance(control, QAbstractButton) and control.text()
        )
        if not named:
            unnamed.append(f"{type(control).__name__} {control.objectName()}")
        if control.focusPolicy() == Qt.FocusPolicy.NoFocus:
            unreachable.append(control.accessibleName() or type(control).__name__)
    assert unnamed == []
    assert unreachable == []
    assert len(controls) > 25


def test_the_preview_keeps_its_scroll_position_while_typing(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    page_text(qtbot, window, "window.scrollTo(0, 400); window.scrollY")
    qtbot.waitUntil(lambda: page_text(qtbot, window, "window.scrollY") >= 300, timeout=5000)
    before = page_text(qtbot, window, "window.scrollY")
    window.form.film.tagline.setText("A new tagline")
    window.form.film.tagline.textEdited.emit("A new tagline")
    wait_for_preview(qtbot, window, "A new tagline")
    assert page_text(qtbot, window, "window.scrollY") == before


def test_a_later_start_reopens_the_last_draft(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    first = make_window(path)
    first.close()
    again = make_window()  # no draft named: the last one comes back
    assert again.document.path == path.resolve()
    assert again.windowTitle() == "seed.postdesk[*] — postdesk"


def test_the_cast_can_be_reordered(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    cast = window.form.credits.cast
    cast.table.setCurrentIndex(cast.model.index(6, 0))  # Tim Roth, billed last
    qtbot.mouseClick(cast.up_button, Qt.MouseButton.LeftButton)
    names = [m.name for m in window.document.draft.film.cast]
    assert names[-2:] == ["Tim Roth", "Peter Coyote"]
    wait_for_preview(qtbot, window, "also stars Melanie Lynskey, Tim Roth and Peter Coyote.")
    mime = cast.model.mimeData([cast.model.index(0, c) for c in range(3)])  # drag the first row
    assert cast.model.dropMimeData(mime, Qt.DropAction.MoveAction, 7, 0, cast.model.index(-1, -1))
    cast.model.removeRow(0)  # the view removes the dragged row after a move
    assert [m.name for m in window.document.draft.film.cast][-1] == "Graham Rogers"


def test_credits_of_unmentioned_actors_reach_the_preview_and_the_table_says_where(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.form.setCurrentIndex(1)
    credits = window.form.credits
    assert credits.credits_note.isVisible()
    assert "cast sentence" in credits.credits_note.text()
    note_top = credits.credits_note.mapTo(credits, credits.credits_note.rect().topLeft()).y()
    table_bottom = credits.cast.mapTo(credits, credits.cast.rect().bottomLeft()).y()
    assert note_top >= table_bottom  # under the table
    cast = credits.cast
    tim_roth = cast.model.rowCount() - 1
    cast.model.setData(cast.model.index(tim_roth, 2), "Pulp Fiction")
    wait_for_preview(
        qtbot, window, "also stars Melanie Lynskey, Peter Coyote and Tim Roth (“Pulp Fiction”)."
    )


def test_a_link_too_long_for_a_line_wraps_inside_the_synopsis(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    synopsis = window.form.film.synopsis
    synopsis.setPlainText("Watch it: https://example.com/" + "trailer" * 80)
    lines = synopsis.document().firstBlock().layout().lineCount()
    assert lines > 1, "the link runs off the edge of the field"
    assert synopsis.horizontalScrollBar().maximum() == 0


def test_the_commands_have_their_keys_and_ctrl_s_saves(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    draft = seed_copy(tmp_path / "drafts")
    window = make_window(draft)
    shown = {
        action.text(): action.shortcut().toString()
        for menu in (window.file_menu, window.edit_menu)
        for action in menu.actions()
        if action.text()
    }
    assert shown["&New"] == "Ctrl+N" and shown["&Open…"] == "Ctrl+O"
    assert shown["&Save"] == "Ctrl+S" and shown["Save &As…"] == "Ctrl+Shift+S"
    assert shown["&Export HTML…"] == "Ctrl+E" and shown["&Undo"] == "Ctrl+Z"
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)  # none on some desktops
    assert window.quit_action.shortcuts() == quit_keys
    synopsis_keys = [action.shortcut().toString() for action in window.form.film.synopsis.actions()]
    assert "Ctrl+M" in synopsis_keys  # the list of cast members to mention
    title = window.form.film.title
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    title.setFocus()
    qtbot.keyClicks(title, " Again")
    qtbot.keyClick(title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isWindowModified(), timeout=5_000)
    assert '"title": "1 Mile To You Again"' in draft.read_text(encoding="utf-8")
