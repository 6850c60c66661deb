"""The real window under pytest-qt, offscreen, with QtWebEngine; dialogs answered by the test."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from postdesk.core.publish.results import PublishResult
from postdesk.ui.app import prepare_web_engine

# QtWebEngine must be set up before pytest-qt creates the QApplication.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
prepare_web_engine()
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
import PySide6.QtWebEngineWidgets  # noqa: E402, F401

from postdesk.ui.main_window import MainWindow  # noqa: E402


class Dialogs:
    """Answers the window's questions and remembers what it said."""

    def __init__(self) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.answer = QMessageBox.StandardButton.Discard

    def question(self, parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        self.questions.append(f"{title}: {text}")
        return self.answer

    def warning(self, parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        self.warnings.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    answers = Dialogs()
    monkeypatch.setattr(QMessageBox, "question", answers.question)
    monkeypatch.setattr(QMessageBox, "warning", answers.warning)
    monkeypatch.setattr(QMessageBox, "information", answers.warning)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: answers.warnings.append(
        f"{box.windowTitle()}: {box.text()} {box.informativeText()}") or 0)  # fmt: skip
    return answers


WindowFactory = Callable[..., MainWindow]


def isdeleted(window: MainWindow) -> bool:
    return not isValid(window)


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path, dialogs: Dialogs) -> Iterator[WindowFactory]:
    """Open the real window, optionally on a draft, and wait until it has started."""
    windows: list[MainWindow] = []

    def make(draft: Path | None = None, home: Path | None = None, wait: bool = True) -> MainWindow:
        window = MainWindow.for_user(str(home or tmp_path / "home"), draft)
        window.resize(1280, 800)
        window.show()
        if wait:  # until the start is over: the first preview painted, every tab built
            with qtbot.waitSignal(window.preview_painted, timeout=30_000):
                window.start()
            qtbot.waitUntil(lambda: window.form.built, timeout=10_000)
        else:
            window.start()
        windows.append(window)
        return window

    yield make
    for window in windows:
        if not isdeleted(window):
            window.document._set_modified(False)
            window.close()
    qtbot.wait(50)  # let the closed windows (and their web pages) be deleted


def page_text(qtbot: QtBot, window: MainWindow, script: str = "document.body.innerText") -> Any:
    """Run ``script`` in the preview and return its value."""
    assert window.preview is not None
    found: list[Any] = []
    window.preview.page().runJavaScript(script, 0, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    return found[0]


def wait_for_preview(qtbot: QtBot, window: MainWindow, text: str, timeout: float = 15) -> str:
    """Wait until the preview shows ``text``; return the preview's text."""
    deadline = time.monotonic() + timeout
    while True:
        shown = str(page_text(qtbot, window))
        if text in shown:
            return shown
        if time.monotonic() > deadline:
            raise AssertionError(f"the preview never showed {text!r}; it shows:\n{shown[:2000]}")
        qtbot.wait(50)


def title_uniquely(window: MainWindow, prefix: str = "Trailer Park Tuesday") -> None:
    """Give the post a title no other test run used, as if typed (the blog is shared)."""
    window.form.post.title.setText(f"{prefix} {uuid.uuid4().hex[:6]}")
    window.form.post.title.textEdited.emit("")


def click_publish(qtbot: QtBot, window: MainWindow) -> None:
    """Click Publish on the toolbar, as the blogger does."""
    button = window.toolbar.widgetForAction(window.publishing.publish_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def publish_and_wait(qtbot: QtBot, window: MainWindow) -> PublishResult:
    """Click Publish and wait for the blog's answer."""
    click_publish(qtbot, window)
    qtbot.waitUntil(lambda: window.publishing.last_result is not None, timeout=60_000)
    result = window.publishing.last_result
    assert result is not None
    return result
