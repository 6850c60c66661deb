"""The releases in the real window: venues phrased as English, dates typed or picked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, wait_for_preview

# The offscreen platform cannot raise or grab for a popup; the popup works all the same.
POPUP_ON_OFFSCREEN = pytest.mark.qt_log_ignore(
    "does not support raise", "does not support grabbing the keyboard"
)


@POPUP_ON_OFFSCREEN
def test_the_venue_field_suggests_venues_and_shows_the_phrase_the_post_will_use(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.form.setCurrentIndex(1)
    releases = window.form.credits.releases
    row = releases._rows[0]
    row.date.setDate(QDate(2017, 3, 11))
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
