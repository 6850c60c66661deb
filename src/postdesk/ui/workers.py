"""Run blocking core calls (network, keyring) in a thread pool and report back by signals."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Work = Callable[[Callable[[str], None], Callable[[], bool]], Any]


class TaskSignals(QObject):
    """What a task reports; delivered in the GUI thread."""

    progressed = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)  # the exception


class Task(QRunnable):
    """One call of ``function(progress, cancelled)`` off the GUI thread; it can be cancelled."""

    def __init__(
        self, function: Callable[[Callable[[str], None], Callable[[], bool]], Any]
    ) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._function = function
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the caller keeps it (to cancel it) until it finishes

    def cancel(self) -> None:
        """Ask the task to stop at its next step."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancelling was asked for."""
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self._function(self.signals.progressed.emit, self._cancel.is_set)
        except Exception as err:  # reported to the window, which explains it to the user
            self.signals.failed.emit(err)
            return
        self.signals.succeeded.emit(result)


def start(task: Task) -> None:
    """Run ``task`` in the application's thread pool."""
    QThreadPool.globalInstance().start(task)
