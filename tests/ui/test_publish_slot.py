"""“Next Tuesday”: one click schedules a weekly post for the blogger's usual day and hour."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from postdesk.core.dates import next_slot
from tests.ui.conftest import WindowFactory


def click_next_slot(qtbot: QtBot, window: object, weekday: int, at: dt.time) -> set[dt.datetime]:
    """Click the button; the slots it may have chosen (the clock may pass the hour meanwhile)."""
    before = next_slot(dt.datetime.now(), weekday, at)
    qtbot.mouseClick(window.form.post.next_slot, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    return {before, next_slot(dt.datetime.now(), weekday, at)}


def test_next_tuesday_at_nine_schedules_the_post(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.form.setCurrentIndex(2)
    post_form = window.form.post
    assert post_form.next_slot.text() == "Next Tuesday"
    assert "09:00" in post_form.next_slot.toolTip()
    slots = click_next_slot(qtbot, window, 1, dt.time(9, 0))
    assert post_form.status.currentData() == "future"
    assert post_form.publish_at.isEnabled()
    window.document.sync()
    post = window.document.draft.post
    assert post.status == "future"
    assert post.publish_at is not None
    assert post.publish_at.replace(tzinfo=None) in slots
    assert post.publish_at.weekday() == 1 and (post.publish_at.hour, post.publish_at.minute) == (
        9,
        0,
    )


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the dialog, offscreen
def test_the_usual_day_and_hour_are_a_setting(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.film_finder.settings_action.trigger()
    dialog = window.film_finder.settings_dialog
    assert dialog is not None
    assert dialog.weekday.currentText() == "Tuesday"
    dialog.weekday.setCurrentIndex(dialog.weekday.findText("Friday"))
    dialog.publish_time.setTime(dialog.publish_time.time().fromString("18:15", "HH:mm"))
    dialog.accept()
    assert window.settings.value("publishing/time") == "18:15"
    window.form.setCurrentIndex(2)
    post_form = window.form.post
    qtbot.waitUntil(lambda: post_form.next_slot.text() == "Next Friday")
    slots = click_next_slot(qtbot, window, 4, dt.time(18, 15))
    window.document.sync()
    when = window.document.draft.post.publish_at
    assert when is not None and when.replace(tzinfo=None) in slots
    assert post_form.publish_at.text().endswith("18:15")
