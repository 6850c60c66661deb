"""The releases in the real window: venues phrased as English, dates typed or picked."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, wait_for_preview

# The offscreen platform cannot raise or grab for a popup; the popup works all the same.
POPUP_ON_OFFSCREEN = pytest.mark.qt_log_ignore(
    "does not support raise",
    "does not support grabbing the keyboard",
    "does not support propagateSizeHints",
)


@POPUP_ON_OFFSCREEN
def test_the_venue_field_suggests_venues_and_shows_the_phrase_the_post_will_use(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.form.setCurrentIndex(1)
    releases = window.form.credits.releases
    row = releases._rows[0]
    row.date.set_date(dt.date(2017, 3, 11))
    row.where.clear()
    row.where.setFocus()
    qtbot.keyClicks(row.where, "sx")
    completer = row.where.completer()
    assert completer.popup().isVisible()
    assert completer.currentCompletion() == "SXSW"
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(completer.popup(), Qt.Key.Key_Return)
    assert row.where.text() == "SXSW"
    assert row.phrase.text() == "at SXSW on March 11th"
    wait_for_preview(qtbot, window, "See it at SXSW on March 11th and in theaters on April 7th!")
    row.where.selectAll()
    qtbot.keyClicks(row.where, "on the SXSW website")
    assert row.phrase.text() == "on the SXSW website on March 11th"
    wait_for_preview(qtbot, window, "See it on the SXSW website on March 11th and in theaters")


@POPUP_ON_OFFSCREEN
def test_a_new_release_has_no_date_and_takes_typed_dates(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.form.setCurrentIndex(1)
    releases = window.form.credits.releases
    qtbot.mouseClick(releases.add_button, Qt.MouseButton.LeftButton)
    row = releases._rows[-1]
    assert row.date.line.text() == "" and row.date.date() is None
    assert row.date.line.placeholderText() == "No date yet"
    qtbot.keyClicks(row.where, "Netflix")
    assert row.phrase.text() == "on Netflix"
    qtbot.mouseClick(row.date.line, Qt.MouseButton.LeftButton)
    assert row.date.line.hasFocus() and not row.where.hasFocus()
    for typed, shown in [
        ("2017-03-01", "on Netflix on March 1st"),
        ("1 March 2017", "on Netflix on March 1st"),
        ("April 9", "on Netflix on April 9th"),
    ]:
        row.date.line.clear()
        qtbot.keyClicks(row.date.line, typed)
        assert row.phrase.text() == shown, typed
    row.date.line.clear()
    qtbot.keyClicks(row.date.line, "2017-04-07")
    qtbot.keyClick(row.date.line, Qt.Key.Key_Tab)
    assert row.date.line.text() == "April 7, 2017"
    assert row.where.text() == "Netflix"  # the date went into the date, not the venue
    wait_for_preview(qtbot, window, "See it on VOD, in theaters and on Netflix on April 7th!")


@POPUP_ON_OFFSCREEN
def test_calendars_open_at_today(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.form.setCurrentIndex(1)
    releases = window.form.credits.releases
    qtbot.mouseClick(releases.add_button, Qt.MouseButton.LeftButton)
    field = releases._rows[-1].date
    field._menu.aboutToShow.emit()
    today = QDate.currentDate()
    assert field.calendar is not None
    assert (field.calendar.yearShown(), field.calendar.monthShown()) == (
        today.year(),
        today.month(),
    )
    window.form.setCurrentIndex(2)
    status = window.form.post.status
    status.setCurrentIndex(status.findData("future"))
    publish_at = window.form.post.publish_at
    assert publish_at.isEnabled()
    arrow = QPoint(publish_at.width() - 6, publish_at.height() // 2)
    qtbot.mouseClick(publish_at, Qt.MouseButton.LeftButton, pos=arrow)
    calendar: QCalendarWidget = publish_at.calendarWidget()
    assert calendar.isVisible()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.window().hide()
