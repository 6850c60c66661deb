"""What a blogger meets at start-up, now that parts of the window are built after it shows.

The menus and toolbar hold the same commands in the same order as when everything was built
at once; the Cast & credits and Post tabs work when first opened; a crash's recovery copy is
still offered once the window is up; the icon follows the first preview; the collector
paused for the start collects again.
"""

from __future__ import annotations

import gc
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import load_draft
from postdesk.ui import collector
from tests.ui.conftest import WindowFactory, wait_for_preview
from tests.ui.test_window import seed_copy

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


def test_the_cast_and_post_tabs_work_when_first_opened(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path, wait=False)
    assert not window.form.built  # the window showed with the Film tab only
    window.form.setCurrentIndex(1)  # the blogger opens Cast & credits
    cast = window.form.credits.cast
    assert cast.names()[:2] == ["Graham Rogers", "Stefanie Scott"]
    model = cast.model
    model.setData(model.index(0, 2), "Quantico and more", Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: window.preview is not None, timeout=10_000)
    wait_for_preview(qtbot, window, "Quantico and more")
    window.form.setCurrentIndex(2)  # then the Post tab
    post = window.form.post
    assert post.title.text() == "Trailer Park Tuesday, 1 Mile To You"
    post.title.setText("Run, Graham, run")
    post.title.textEdited.emit("Run, Graham, run")
    wait_for_preview(qtbot, window, "Run, Graham, run")
    assert window.files.save()
    saved = load_draft(path)
    assert saved.post.title == "Run, Graham, run"
    assert saved.film.cast[0].known_for == "Quantico and more"


def test_a_save_before_the_tabs_are_built_keeps_their_values(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    before = load_draft(path)
    window = make_window(path, wait=False)
    window.form.film.title.setText("Two Miles To You")
    window.form.film.title.textEdited.emit("Two Miles To You")
    assert window.files.save()
    saved = load_draft(path)
    assert saved.film.title == "Two Miles To You"
    assert saved.film.cast == before.film.cast
    assert saved.film.releases == before.film.releases
    assert (saved.post.note, saved.post.tags) == (before.post.note, before.post.tags)


def test_the_tabs_are_built_after_the_first_preview_without_being_opened(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    qtbot.waitUntil(lambda: window.form.built, timeout=10_000)
    assert window.form.currentIndex() == 0  # nothing was opened for the blogger


def test_a_problem_found_before_the_post_tab_is_built_shows_there(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(wait=False)
    window.files.new()
    assert not window.form.built
    window.show_all_problems()  # as Publish does before it asks anything
    window.form.setCurrentIndex(2)
    assert window.form.fields["post.title"].note.text().startswith("Needed")


def test_the_window_gets_postdesk_icon_once_it_shows(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    QApplication.setWindowIcon(QIcon())  # as a fresh process starts: no icon yet
    window = make_window()
    qtbot.waitUntil(lambda: not window.windowIcon().isNull(), timeout=10_000)
    for size in (16, 48, 256):  # the window list, the taskbar, the app switcher
        image = window.windowIcon().pixmap(size, size).toImage()
        assert image.width() == size
        assert image.pixelColor(size // 2, size // 2).alpha() == 255  # drawn, not blank


def test_a_render_says_when_it_is_with_the_worker_then_brings_its_page(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The preview is built once the first page is asked for (see ui/startup.py)."""
    window = make_window()
    events: list[str] = []
    window.scheduler.sent.connect(lambda: events.append("sent"))
    window.scheduler.rendered.connect(lambda result: events.append(result.page[:15]))
    window.form.film.tagline.setText("A new tagline")
    window.form.film.tagline.textEdited.emit("A new tagline")
    qtbot.waitUntil(lambda: len(events) == 2, timeout=10_000)
    assert events == ["sent", "<!DOCTYPE html>"]


def test_the_collector_paused_for_the_start_collects_again_after_the_first_preview(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    collector.pause()  # as run_app does, first thing
    try:
        assert not gc.isenabled()
        make_window()  # until the first preview has painted and the tabs are built
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        assert gc.get_freeze_count() > 0  # start-up's objects are left out of later passes
    finally:
        gc.unfreeze()
        gc.enable()


def test_resuming_leaves_a_collector_it_did_not_pause_alone() -> None:
    frozen = gc.get_freeze_count()
    gc.disable()  # switched off by someone else (a host application, say)
    try:
        collector.resume()
        assert not gc.isenabled()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.enable()
