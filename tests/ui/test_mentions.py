"""Mentions in the real window: a renamed actor takes their mentions along; "@" offers the cast."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, wait_for_preview

# The offscreen platform cannot raise or grab for a popup; the popup works all the same.
POPUP_ON_OFFSCREEN = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)


def test_renaming_a_cast_member_renames_their_mentions_in_one_undo_step(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    note = window.form.post.note
    note.setPlainText(note.toPlainText() + " @[graham rogers] was great in Quantico.")
    qtbot.wait(10)
    window.form.setCurrentIndex(1)
    model = window.form.credits.cast.model
    model.setData(model.index(0, 0), "Graham Patrick Rogers")  # as the table's editor commits
    synopsis = window.form.film.synopsis.toPlainText()
    assert "When a teenager (@[Graham Patrick Rogers]) loses" in synopsis
    assert "@[Graham Patrick Rogers] was great" in note.toPlainText()
    wait_for_preview(qtbot, window, "a teenager (Graham Patrick Rogers, “Quantico”) loses")
    assert window.undo_stack.undoText() == "Rename Graham Rogers to Graham Patrick Rogers"
    window.undo_action.trigger()
    assert model.index(0, 0).data() == "Graham Rogers"
    assert "When a teenager (@[Graham Rogers]) loses" in window.form.film.synopsis.toPlainText()
    wait_for_preview(qtbot, window, "a teenager (Graham Rogers, “Quantico”) loses")


@POPUP_ON_OFFSCREEN
def test_typing_at_in_the_synopsis_offers_the_cast(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    synopsis = window.form.film.synopsis
    synopsis.setFocus()
    synopsis.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(synopsis, " A friend (@")
    completer = synopsis._mentions
    assert completer.popup().isVisible()
    assert completer.completionCount() == 7
    qtbot.keyClicks(synopsis, "lib")
    assert completer.currentCompletion() == "Liana Liberato"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    qtbot.keyClicks(synopsis, ") helps.")
    assert synopsis.toPlainText().endswith(" A friend (@[Liana Liberato]) helps.")
    wait_for_preview(qtbot, window, "A friend (Liana Liberato, “If I Stay”) helps.")


def test_a_rename_is_one_undo_step_however_long_the_sitting(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    title = window.form.film.title
    for word in ("One", "Two", "Three"):  # edits that settle the names in between
        title.setText(f"1 Mile To You {word}")
        title.textEdited.emit(title.text())
        timer = window.form._names_timer
        qtbot.waitUntil(lambda timer=timer: not timer.isActive(), timeout=5_000)
    model = window.form.credits.cast.model
    model.setData(model.index(0, 0), "Graham Patrick Rogers")
    stack = window.undo_stack
    texts = [stack.command(i).text() for i in range(stack.count())]
    assert texts.count("Rename Graham Rogers to Graham Patrick Rogers") == 1, texts
    window.undo_action.trigger()
    assert model.index(0, 0).data() == "Graham Rogers"
