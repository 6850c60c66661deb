"""Start the editor window: arguments, environment checks, the QApplication."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postdesk.ui.main_window import MainWindow


def parse_arguments(args: list[str]) -> argparse.Namespace:
    """``postdesk [--config-dir DIR] [DRAFT]``."""
    parser = argparse.ArgumentParser(prog="postdesk", description="Open the postdesk editor.")
    parser.add_argument("--config-dir", metavar="DIR", help="keep all settings in DIR")
    parser.add_argument("draft", nargs="?", type=Path, help="a .postdesk draft to open")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, wait for the preview, report and quit (for packagers)",
    )
    return parser.parse_args(args)


def display_problem() -> str | None:
    """Why no window can be shown here, or ``None`` when it can."""
    if not sys.platform.startswith("linux"):
        return None
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform.startswith(("offscreen", "minimal", "vnc", "eglfs", "linuxfb")):
        return None
    if platform.startswith("wayland"):
        return None if os.environ.get("WAYLAND_DISPLAY") else "WAYLAND_DISPLAY is not set"
    if os.environ.get("DISPLAY") or (not platform and os.environ.get("WAYLAND_DISPLAY")):
        return None
    return "there is no display (DISPLAY and WAYLAND_DISPLAY are not set)"


def prepare_web_engine() -> None:
    """QtWebEngine's sandbox refuses to run as root: turn it off there, and only there."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
        print("postdesk: running as root: the preview's sandbox is disabled", file=sys.stderr)
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    # The preview never needs the network or background services of Chromium.
    extra = "--disable-background-networking --disable-component-update --disable-sync"
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = f"{flags} {extra}".strip()


def load_core() -> None:
    """Load the Qt-free core the window opens a draft with, before Qt itself.

    The window needs it before its first frame anyway. Loaded before Qt, the modules only
    these import (the standard library's among them) escape Qt for Python's import hook,
    which reads the source of every module an import names once PySide is loaded.
    """
    import postdesk.core.drafts.files
    import postdesk.core.paths
    import postdesk.core.render.offline
    import postdesk.core.render.templates
    import postdesk.core.spelling  # noqa: F401


def start_render_worker() -> None:
    """Start the preview's render worker process now (where the platform allows it)."""
    from postdesk.core.render.early_worker import start_worker

    start_worker()


def before_qt() -> None:
    """What the editor does before Qt loads, in order (``run_app``; the benchmark likewise).

    The cycle collector pauses (it resumes once the first preview has painted, see
    ``ui/startup.py``), the render worker starts (first: it has the most to load), and the core
    loads.
    """
    from postdesk.ui import collector

    collector.pause()
    start_render_worker()
    load_core()


def run_app(args: list[str]) -> int:
    """Open the window and run until it closes."""
    options = parse_arguments(args)
    problem = display_problem()
    if problem:
        print(
            f"postdesk: error: cannot open the window: {problem}.\n"
            "The command line works without one: postdesk render|export|check|publish …"
            " (see postdesk --help).",
            file=sys.stderr,
        )
        return 2
    before_qt()
    prepare_web_engine()
    from postdesk.ui.main_window import MainWindow
    from postdesk.ui.qt_app import create_application

    app = create_application([sys.argv[0]])
    window = MainWindow.for_user(options.config_dir, options.draft)
    window.show()
    if options.self_test:
        _exit_after_first_preview(window)
    window.start()
    return int(app.exec())


def _exit_after_first_preview(window: MainWindow) -> None:
    """For --self-test: prove the window and its QtWebEngine preview work, then quit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    started = time.perf_counter()

    def painted(number: int) -> None:
        seconds = time.perf_counter() - started
        print(f"postdesk: self-test passed: the preview painted in {seconds * 1000:.0f} ms")
        QApplication.exit(0)

    def too_slow() -> None:
        print("postdesk: self-test failed: the preview did not paint", file=sys.stderr)
        QApplication.exit(1)

    window.preview_painted.connect(painted)
    QTimer.singleShot(60_000, too_slow)
