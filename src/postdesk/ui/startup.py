"""The start-up path in one place: what the window builds only after it shows.

The window shows with the Film tab filled; everything else loads here, so start-up pays
only for what the first frame needs:

0. before Qt loads, ``run_app`` starts postdesk's render worker process (``posix_spawn``): it
   loads the rendering stack (Jinja2, markdown-it, nh3) on another core while the window is
   built, and the window's process never loads that stack. Where nothing could be started,
   the worker is spawned from a thread as the window is shown;
1. once the window's first frame is painted (not before: work queued earlier would hold it
   up), the poster's thumbnail is decoded (held until then), the opened draft is remembered
   in the settings (a file write, with fdatasyncs), the commands get their keys, and the
   preview is built: the warm worker is asked for the first page, and renders it while
   QtWebEngine starts Chromium; the page is loaded whole once it is rendered;
2. once the first preview has painted, each on its own turn: the cycle collector (paused
   since the start, :mod:`postdesk.ui.collector`), the application icon (the SVG
   icon engine), the recovery copies a crash left behind (the offer waits for a window that
   is all there), the Blog menu (the accounts module brings urllib3) and the film finder,
   the Cast & credits and Post tabs (built sooner if the blogger opens them), and the spell
   checker's Enchant.

The deferred imports of the window's start path live here and nowhere else; what a command
loads when first used (the publishing stack, a dialog) stays with that command. That includes
Qt's own classes: each costs a millisecond or more the first time it is touched (Qt for Python
builds it then), so message boxes, file dialogs, the spelling menu and the underlines are
imported by the code that shows them, not at the top of modules the first frame needs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

from postdesk.core.render import early_worker
from postdesk.ui import collector
from postdesk.ui.spellcheck import shared_checker

if TYPE_CHECKING:
    from postdesk.core.drafts.recovery import RecoveryStore
    from postdesk.ui.credits_form import CreditsForm
    from postdesk.ui.main_window import MainWindow
    from postdesk.ui.post_form import PostForm
    from postdesk.ui.preview import PreviewView
    from postdesk.ui.source_view import SourceView

#: The preview waits this long at most for the window's first frame (a hidden window has none).
FIRST_FRAME_GRACE_MS = 500
#: The preview is built this long at most after the first page was asked for, sent or not.
FIRST_RENDER_GRACE_MS = 50
#: The Blog menu and Find film… wait this long at most for the first preview to paint.
FIRST_PAINT_GRACE_MS = 3000
#: A window colour darker than this (HSL lightness) is a dark theme.
DARK_BELOW = 128


def finish_start(window: MainWindow) -> None:
    """Build the rest of the window after it shows: preview and recovery, then the rest."""
    if not early_worker.started():  # an early worker is adopted by the first render
        window.scheduler.warm_up()
    FirstFrame(window, partial(_after_first_frame, window))
    _after_first_paint(window, partial(_after_preview, window))


class FirstFrame(QObject):
    """Calls ``then`` on the turn after ``window`` painted its first frame."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then: Callable[[], object] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_FRAME_GRACE_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Qt's hook: the window's first paint event, seen before the window gets it."""
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # after the whole frame
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def _after_first_paint(window: MainWindow, work: Callable[[], object]) -> None:
    """Run ``work`` once the first preview has painted (or after a grace period without one)."""
    _once(window.preview_painted, FIRST_PAINT_GRACE_MS, window, work)


def _once(
    signal: SignalInstance, grace_ms: int, window: MainWindow, work: Callable[[], object]
) -> None:
    """Run ``work`` once: after ``signal`` first fires, or after ``grace_ms`` without it.

    Queued, not run inside the signal: whoever else listens to it hears of it first.
    """
    done = False

    def run(*_args: object) -> None:
        nonlocal done
        if not done:
            done = True
            QTimer.singleShot(0, window, work)

    signal.connect(run, Qt.ConnectionType.SingleShotConnection)
    QTimer.singleShot(grace_ms, window, run)


def _run_in_turns(window: MainWindow, steps: list[Callable[[], object]]) -> None:
    """Each step on its own turn, so paint and input events get in between."""
    if not steps:
        return

    def run() -> None:
        steps[0]()
        _run_in_turns(window, steps[1:])

    QTimer.singleShot(0, window, run)


def _after_first_frame(window: MainWindow) -> None:
    _build_preview(window)
    window.form.film.poster.release_thumbnails()
    window.remember_opened()
    window.assign_shortcuts()


def _build_preview(window: MainWindow) -> None:
    """Ask for the first page, then build the preview once the request is with the worker.

    Not at once: starting QtWebEngine holds Python's lock for about 90 ms, and the render
    thread, starved of it, could not even send the request; the page was then rendered
    only after the view was built, instead of meanwhile.
    """
    # The grace covers a worker still starting (spawned, or slow to load).
    _once(window.scheduler.sent, FIRST_RENDER_GRACE_MS, window, partial(_attach_preview, window))
    window.render_first_preview()


def _attach_preview(window: MainWindow) -> None:
    window.attach_preview(preview_view(window))


def set_application_icon() -> None:
    """Give the windows postdesk's icon (the SVG icon engine loads now, after the preview)."""
    from postdesk.ui.icons import app_icon

    app = QGuiApplication.instance()
    icon = app_icon()
    if isinstance(app, QGuiApplication) and not icon.isNull():
        app.setWindowIcon(icon)


def preview_view(owner: QObject) -> PreviewView:
    """The QtWebEngine preview (loads QtWebEngine's Python module on first call)."""
    follow_colour_scheme()
    from postdesk.ui.preview import PreviewView

    return PreviewView(owner=owner, parent=owner)  # type: ignore[arg-type]


def follow_colour_scheme() -> None:
    """Let the preview's ``prefers-color-scheme`` follow the window's palette.

    Chromium reads its flags when QtWebEngine starts, which is when the first preview is
    made: the application and its palette exist by then.
    """
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return
    dark = app.palette().color(QPalette.ColorRole.Window).lightness() < DARK_BELOW
    scheme = "0" if dark else "1"  # Chromium's PreferredColorScheme: 0 dark, 1 light
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "")
    if "preferredColorScheme" not in flags:
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = (
            f"{flags} --blink-settings=preferredColorScheme={scheme}".strip()
        )


def _after_preview(window: MainWindow) -> None:
    # Enchant loads last, not while the first preview is waited for.
    steps: list[Callable[[], object]] = [
        collector.resume, set_application_icon, window.offer_recovery,
        partial(build_commands, window), window.form.build_tabs, shared_checker().start,
    ]  # fmt: skip
    _run_in_turns(window, steps)


def build_commands(window: MainWindow) -> None:
    """The Blog menu and Find film… (once): their modules bring urllib3 and the film sources.

    Built after the first preview, or earlier when something asks for them.
    """
    if window.commands_built:
        return
    window.commands_built = True
    from postdesk.ui.find_film_dialog import FilmFinder
    from postdesk.ui.publish_controller import PublishController

    document, files = window.document, window.files
    publishing = PublishController(
        document, window.library, window.dirs.accounts_file, files.save, window
    )
    finder = FilmFinder(document, window.settings, window.dirs, files.confirm_discard, window)
    window.place_commands(publishing, finder)
    window.commands = (publishing, finder)


def credits_form() -> CreditsForm:
    """The Cast & credits tab (the cast table, releases and their date fields load now)."""
    from postdesk.ui.credits_form import CreditsForm

    return CreditsForm()


def post_form() -> PostForm:
    """The Post tab (its date-time editor and rating load now)."""
    from postdesk.ui.post_form import PostForm

    return PostForm()


def source_view(accessible_name: str, parent: QWidget) -> SourceView:
    """The HTML or Block markup tab's text, when first shown (the font database loads now)."""
    from postdesk.ui.source_view import SourceView

    return SourceView(accessible_name, parent)


def slugify(text: str) -> str:
    """A file name for ``text`` (python-slugify loads when a name is first proposed)."""
    from postdesk.core.publish.slugs import slugify

    return slugify(text)


def recovery_store(folder: Path) -> RecoveryStore:
    """The autosave folder's store (filelock is imported on the first autosave or scan)."""
    from postdesk.core.drafts.recovery import RecoveryStore

    return RecoveryStore(folder)
