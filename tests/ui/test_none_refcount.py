"""Many Qt calls in a row never crash the app (PySide6 6.12 drops a reference to None each)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

import postdesk.ui  # noqa: F401 - importing the UI takes the reserve


def test_a_long_session_of_void_calls_survives(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    for _ in range(100_000):
        edit.setText("typed")
    assert edit.text() == "typed"
