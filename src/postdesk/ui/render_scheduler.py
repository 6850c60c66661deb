"""Render the draft off the GUI thread, as often as the preview can show it and no more.

Edits call :meth:`RenderScheduler.request`. The first edit after a pause renders at once (the
preview follows typing without a delay); edits that arrive while a render runs, or within
``MIN_INTERVAL_MS`` of the last one, are coalesced into one more render of the latest draft.
Typing is never blocked: a one-thread pool hands each render to the core's worker process
(:mod:`postdesk.core.render.bounded`) and waits for it there, so a template that never ends is
stopped at the time limit and shown as an error, and the window stays responsive and closable.
The GUI thread never renders, nor reads the rendered page: the render thread counts its words
and adds the preview's note on what to fill next (a 20,000-word page takes ~10 ms to count).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from postdesk.core.drafts.model import Draft
from postdesk.core.render.templates import TemplateLibrary

if TYPE_CHECKING:
    from postdesk.core.render.bounded import RenderProcess
    from postdesk.ui.render_result import RenderResult

MIN_INTERVAL_MS = 90


class _Signals(QObject):
    finished = Signal(object)
    sent = Signal()


class _RenderJob(QRunnable):
    def __init__(
        self,
        number: int,
        request: tuple[Draft, Path | None, float],
        scheduler: RenderScheduler,
        sources: bool,
    ) -> None:
        super().__init__()
        self.number, self.request, self.sources = number, request, sources
        self.library, self.signals = scheduler.library, scheduler.signals
        self.process = scheduler.process

    def run(self) -> None:
        from postdesk.ui.render_result import render_result  # in this thread, after the window

        draft, draft_file, requested_at = self.request
        result = render_result(
            self.number, draft, draft_file, self.library, self.sources, requested_at,
            self.process(), self.signals.sent.emit,
        )  # fmt: skip
        self.signals.finished.emit(result)


class _WarmUp(QRunnable):
    """Loads the worker side of rendering and starts the worker process, off the GUI thread."""

    def __init__(self, scheduler: RenderScheduler) -> None:
        super().__init__()
        self.process = scheduler.process

    def run(self) -> None:
        self.process().start()


class RenderScheduler(QObject):
    """Keeps the preview one render behind the latest edit at most."""

    rendered = Signal(object)  # RenderResult
    #: A render is with the worker process: the render thread only waits from now on.
    sent = Signal()

    def __init__(self, library: TemplateLibrary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.want_sources = False
        self.renders_started = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.finished.connect(self._on_finished)
        self.signals.sent.connect(self.sent)
        self._process: RenderProcess | None = None
        self._process_lock = threading.Lock()
        self._closed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start)
        self._latest: tuple[Draft, Path | None, float] | None = None
        self._running = False
        self._last_start = 0.0

    def request(self, draft: Draft, draft_file: Path | None) -> None:
        """Ask for a render of ``draft`` (the scheduler keeps only the latest)."""
        self._latest = (draft, draft_file, time.perf_counter())
        if self._running or self._timer.isActive():
            return  # coalesced: the running render's end, or the timer, picks it up
        wait = MIN_INTERVAL_MS - (time.perf_counter() - self._last_start) * 1000
        if wait > 0:
            self._timer.start(int(wait))
        else:
            self._start()

    def warm_up(self) -> None:
        """Start the render worker now, so the first preview does not wait for it."""
        self._pool.start(_WarmUp(self))

    def process(self) -> RenderProcess:
        """The worker process renders go to (created on first use, in the render thread)."""
        with self._process_lock:
            if self._process is None:
                from postdesk.core.render.bounded import RenderProcess

                self._process = RenderProcess()
                if self._closed:
                    self._process.close()
            return self._process

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """End the worker (and a render in progress) and wait for the render thread."""
        self._timer.stop()
        self._latest = None
        with self._process_lock:
            self._closed = True
            if self._process is not None:
                self._process.close()
        return self._pool.waitForDone(timeout_ms)

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until no render runs (for tests)."""
        return self._pool.waitForDone(timeout_ms)

    def _start(self) -> None:
        if self._latest is None or self._running:
            return
        request, self._latest = self._latest, None
        self._running = True
        self._last_start = time.perf_counter()
        self.renders_started += 1
        self._pool.start(_RenderJob(self.renders_started, request, self, self.want_sources))

    def _on_finished(self, result: RenderResult) -> None:
        self._running = False
        self.rendered.emit(result)
        if self._latest is not None:
            wait = MIN_INTERVAL_MS - (time.perf_counter() - self._last_start) * 1000
            self._timer.start(max(int(wait), 0))
