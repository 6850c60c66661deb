"""The Qt bindings postdesk runs on keep Python's books straight.

PySide6 6.12.0 on Python 3.11 dropped a reference to ``None`` on every void call, and the
window aborted with "none_dealloc" after about a thousand keystrokes. pyproject pins a
release without that fault; this test fails on one that has it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableWidgetItem
from pytestqt.qtbot import QtBot


def _none_references_lost(call: object, times: int = 5_000) -> int:
    assert callable(call)
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    return before - sys.getrefcount(None)


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    item = QTableWidgetItem("x")
    # A few references come and go with the interpreter's own work; thousands do not.
    assert _none_references_lost(lambda: edit.setText("typed")) < 100
    assert _none_references_lost(lambda: item.data(Qt.ItemDataRole.UserRole + 7)) < 100
    assert _none_references_lost(lambda: item.setText("y")) < 100
