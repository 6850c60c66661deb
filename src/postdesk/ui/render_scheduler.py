"""Render the draft off the GUI thread, as often as the preview can show it and no more.

Edits call :meth:`RenderScheduler.request`. The first edit after a pause renders at once (the
preview follows typing without a delay); edits that arrive while a render runs, or within
``MIN_INTERVAL_MS`` of the last one, are coalesced into one more render of the latest draft.
Typing is never blocked: rendering happens in a one-thread pool.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from postdesk.core.drafts.model import Draft
from postdesk.core.render.templates import TemplateLibrary

MIN_INTERVAL_MS = 90


@dataclass
class RenderResult:
    """One render of one draft: the preview page and, when asked for, the published sources."""

    number: int
    template: str
    page: str = ""
    html: str | None = None
    blocks: str | None = None
    error: str | None = None
    seconds: float = 0.0
    requested_at: float = field(default=0.0)


class _Signals(QObject):
    finished = Signal(object)


def render_result(
    number: int,
    draft: Draft,
    draft_file: Path | None,
    library: TemplateLibrary,
    sources: bool,
    requested_at: float,
) -> RenderResult:
    """Render the preview page (and the published sources when asked); errors become text."""
    # Imported here: Jinja2 and Markdown load once the window already shows.
    from postdesk.core.render.rendering import RenderError, render

    started = time.perf_counter()
    result = RenderResult(number, draft.post.template, requested_at=requested_at)
    try:
        result.page = render(draft, "page", library=library, draft_file=draft_file, offline=True)
        if sources:
            result.html = render(draft, "html", library=library, draft_file=draft_file)
            result.blocks = render(draft, "blocks", library=library, draft_file=draft_file)
    except RenderError as err:
        result.error = str(err)
    except Exception as err:  # a bug must show in the preview, not kill the thread
        result.error = f"{type(err).__name__}: {err}"
    result.seconds = time.perf_counter() - started
    return result


class _RenderJob(QRunnable):
    def __init__(
        self,
        number: int,
        draft: Draft,
        draft_file: Path | None,
        library: TemplateLibrary,
        sources: bool,
        signals: _Signals,
        requested_at: float,
    ) -> None:
        super().__init__()
        self.number, self.draft, self.draft_file = number, draft, draft_file
        self.library, self.sources, self.signals = library, sources, signals
        self.requested_at = requested_at

    def run(self) -> None:
        result = render_result(
            self.number, self.draft, self.draft_file, self.library, self.sources,
            self.requested_at,
        )  # fmt: skip
        self.signals.finished.emit(result)


class RenderScheduler(QObject):
    """Keeps the preview one render behind the latest edit at most."""

    rendered = Signal(object)  # RenderResult

    def __init__(self, library: TemplateLibrary, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.want_sources = False
        self.renders_started = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.finished.connect(self._on_finished)
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

    def render_now(self, draft: Draft, draft_file: Path | None) -> RenderResult:
        """Render in this thread: the very first page, while QtWebEngine starts up.

        QtWebEngine boots in its own processes meanwhile; a worker thread would only compete
        with the GUI thread for the interpreter.
        """
        self.renders_started += 1
        now = time.perf_counter()
        return render_result(
            self.renders_started, draft, draft_file, self.library, self.want_sources, now
        )

    def wait_for_idle(self, timeout_ms: int = 10_000) -> bool:
        """Block until no render runs (for tests and shutdown)."""
        return self._pool.waitForDone(timeout_ms)

    def _start(self) -> None:
        if self._latest is None or self._running:
            return
        draft, draft_file, requested_at = self._latest
        self._latest = None
        self._running = True
        self._last_start = time.perf_counter()
        self.renders_started += 1
        job = _RenderJob(
            self.renders_started, draft, draft_file, self.library, self.want_sources,
            self._signals, requested_at,
        )  # fmt: skip
        self._pool.start(job)

    def _on_finished(self, result: RenderResult) -> None:
        self._running = False
        self.rendered.emit(result)
        if self._latest is not None:
            wait = MIN_INTERVAL_MS - (time.perf_counter() - self._last_start) * 1000
            self._timer.start(max(int(wait), 0))
