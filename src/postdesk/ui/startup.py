"""The start-up path in one place: what the window builds only after it shows.

The window shows with the form filled; everything else loads here, on the next turns of the
event loop, so start-up pays only for what the first paint needs:

1. the preview: QtWebEngine builds its view and starts its renderer process while
   postdesk's render worker process (started just before it) loads the rendering
   stack (Jinja2, markdown-it, nh3); the window's process never loads it for the preview;
2. the recovery copies a crash left behind, offered once the window is up;
3. once the first preview has painted, the Blog menu (the accounts module brings urllib3)
   and the film finder, so their imports do not hold up that first paint.

The deferred imports live here and nowhere else in the window's start path; what a command
loads when first used (the publishing stack, Enchant) stays with that command.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QGuiApplication, QPalette

from postdesk.ui.spellcheck import shared_checker

if TYPE_CHECKING:
    from postdesk.core.drafts.recovery import RecoveryStore
    from postdesk.ui.main_window import MainWindow
    from postdesk.ui.preview import PreviewView

#: The Blog menu and Find film… wait this long at most for the first preview to paint.
FIRST_PAINT_GRACE_MS = 3000
#: A window colour darker than this (HSL lightness) is a dark theme.
DARK_BELOW = 128


def finish_start(window: MainWindow) -> None:
    """Build the rest of the window after it shows: preview and recovery, then the menus."""
    _run_in_turns(window, [partial(_build_preview, window), window.offer_recovery])
    _after_first_paint(window, partial(_after_preview, window))


def _after_first_paint(window: MainWindow, work: Callable[[], object]) -> None:
    """Run ``work`` once the first preview has painted (or after a grace period without one).

    Queued, not run inside the signal: whoever else waits for the first preview hears of it
    first.
    """
    done = False

    def run(*_args: object) -> None:
        nonlocal done
        if not done:
            done = True
            QTimer.singleShot(0, window, work)

    window.preview_painted.connect(run)
    QTimer.singleShot(FIRST_PAINT_GRACE_MS, window, run)


def _run_in_turns(window: MainWindow, steps: list[Callable[[], object]]) -> None:
    """Each step on its own turn, so paint and input events get in between."""
    if not steps:
        return

    def run() -> None:
        steps[0]()
        _run_in_turns(window, steps[1:])

    QTimer.singleShot(0, window, run)


def _build_preview(window: MainWindow) -> None:
    # After the first paint: the worker's start-up would otherwise compete with it.
    window.scheduler.warm_up()
    window.attach_preview(preview_view(window))
    window.render_first_preview()


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
    build_commands(window)
    shared_checker().start()  # Enchant loads now, not while the first preview is waited for


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


def slugify(text: str) -> str:
    """A file name for ``text`` (python-slugify loads when a name is first proposed)."""
    from postdesk.core.publish.slugs import slugify

    return slugify(text)


def recovery_store(folder: Path) -> RecoveryStore:
    """The autosave folder's store (filelock is imported on the first autosave or scan)."""
    from postdesk.core.drafts.recovery import RecoveryStore

    return RecoveryStore(folder)
