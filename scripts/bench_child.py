"""One measured process for scripts/bench_ui.py: a bare window, a bare page, or the app.

    bench_child.py MODE STARTED ARG EDITS SPACING_MS

Prints one JSON line: times since STARTED (the parent's clock when it launched this process),
the processor time this process used until its window showed (steadier on a busy machine),
the edit-to-preview latencies, and the peak memory of this process and its children
(QtWebEngine's helper processes included).

Like with like: the bare window and the app are both "shown" when their window's first frame
has been painted (not merely when the event loop first turns: work queued before that turn
delays the paint, and the blogger sees nothing until then); the bare page and the app's
preview are both "painted" two animation frames after their content is in the page. The app
starts as ``postdesk DRAFT`` does: its arguments are read, then the cycle collector is paused,
the render worker is started and the Qt-free core loaded, all before Qt is imported.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

STARTED = float(sys.argv[2])
MODE, ARG = sys.argv[1], sys.argv[3]
EDITS, SPACING_MS = int(sys.argv[4]), int(sys.argv[5])
#: Under callgrind (bench_instructions.py): no memory sampler, and leave at the first frame.
COUNTING = os.environ.get("POSTDESK_BENCH_COUNTING") == "1"
PAINT_MARK = (
    "<script>requestAnimationFrame(() => requestAnimationFrame(() => "
    "{ document.title = 'painted'; }));</script></body>"
)
result: dict[str, Any] = {}
peak = [0]


def rss_tree_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                total += next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(child) for child in children.read().split()]
        except (OSError, StopIteration):
            continue
    return total


def sample_memory() -> None:
    """Keep the peak, every 50 ms."""
    while True:
        peak[0] = max(peak[0], rss_tree_kib(os.getpid()))
        time.sleep(0.05)


def done() -> None:
    """Report and leave at once (no slow teardown in the figures)."""
    if COUNTING:
        print(json.dumps(result), flush=True)
        os._exit(0)
    time.sleep(0.3)
    result["peak_mib"] = round(max(peak[0], rss_tree_kib(os.getpid())) / 1024, 1)
    print(json.dumps(result), flush=True)
    os._exit(0)


# Not when postdesk's render worker imports this module again (as __mp_main__).
if __name__ == "__main__":
    if MODE == "app":  # as `postdesk DRAFT` starts: its arguments, then run_app's steps before Qt
        from postdesk.cli import is_cli_invocation
        from postdesk.ui.app import before_qt, display_problem, parse_arguments

        assert not is_cli_invocation([ARG])
        options = parse_arguments(["--config-dir", tempfile.mkdtemp(), ARG])
        assert display_problem() is None
        before_qt()
    if not COUNTING:
        threading.Thread(target=sample_memory, daemon=True).start()

    from postdesk.ui.app import prepare_web_engine

    prepare_web_engine()
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

    class FirstFrame(QObject):
        """Calls ``then`` once the window's first frame is painted (after the whole frame)."""

        def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
            super().__init__(window)
            self.then = then
            window.installEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            """Qt's hook: sees the window's events before it does."""
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self.then)
            return False

    def shown() -> None:
        """Note when the window showed (once)."""
        if "window_shown_s" not in result:
            result["window_shown_s"] = time.time() - STARTED
            result["window_shown_cpu_s"] = time.process_time()
        if COUNTING:
            done()


def bare_window() -> None:
    """A QMainWindow with a label, shown."""
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("bare"))
    window.resize(1280, 800)

    def shown_then_done() -> None:
        shown()
        done()

    FirstFrame(window, shown_then_done)
    window.show()
    app.exec()


def bare_page() -> None:
    """A QWebEngineView showing the same page the preview shows, until it is painted."""
    from PySide6.QtWebEngineWidgets import QWebEngineView

    app = QApplication(sys.argv[:1])
    view = QWebEngineView()
    view.resize(1280, 800)
    view.show()
    html = Path(ARG).read_text().replace("</body>", PAINT_MARK)

    def titled(title: str) -> None:
        if title == "painted":
            result["preview_painted_s"] = time.time() - STARTED
            done()

    view.page().titleChanged.connect(titled)
    view.setHtml(html, QUrl.fromLocalFile(str(Path(ARG).parent) + "/"))
    app.exec()


def editor() -> None:
    """The app, started as `postdesk DRAFT` starts it, then edited EDITS times."""
    from postdesk.ui.main_window import MainWindow
    from postdesk.ui.qt_app import create_application

    app = create_application(sys.argv[:1])
    window = MainWindow.for_user(options.config_dir, options.draft)
    window.resize(1280, 800)
    window.show()
    window.start()
    # Installed after start(): the last filter installed sees events first, so ``shown`` is
    # queued ahead of what postdesk queues after its first frame (ui/startup.py).
    FirstFrame(window, shown)
    latencies: list[float] = []
    state: dict[str, float | None] = {"edits": 0, "at": None}  # at: the edit awaiting its paint

    def edit() -> None:
        state["edits"] = (state["edits"] or 0) + 1
        state["at"] = time.perf_counter()
        tagline = window.form.film.tagline
        tagline.setText(f"Edit number {state['edits']}")
        tagline.textEdited.emit(tagline.text())

    def painted(number: int, *_older: object) -> None:  # older windows also sent seconds
        if "preview_painted_s" not in result:
            result["preview_painted_s"] = time.time() - STARTED
            shown()  # a window that never reported a paint has shown by now
            QTimer.singleShot(500, edit)
            return
        edited_at = state["at"]
        if edited_at is None:
            return  # a paint no edit asked for (the spell checker's first pass, say)
        state["at"] = None
        latencies.append(time.perf_counter() - edited_at)
        if len(latencies) < EDITS:
            QTimer.singleShot(SPACING_MS, edit)
            return
        result["latencies_ms"] = [round(x * 1000, 2) for x in latencies]
        result["renders"] = window.scheduler.renders_started
        done()

    window.preview_painted.connect(painted)
    app.exec()


if __name__ == "__main__":
    {"bare-window": bare_window, "bare-page": bare_page, "app": editor}[MODE]()
