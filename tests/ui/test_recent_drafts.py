"""The draft a start opened is in Open Recent and reopens next time; reopening writes nothing."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from postdesk.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.test_window import seed_copy


def _recent_menu_texts(window: MainWindow) -> list[str]:
    window.recent_menu.aboutToShow.emit()  # what opening File ▸ Open Recent does
    return [action.text() for action in window.recent_menu.actions() if action.text()]


def _first_start(make_window: WindowFactory, tmp_path: Path) -> tuple[Path, Path, MainWindow]:
    """``postdesk seed.postdesk`` with fresh settings: its home, the draft and the window."""
    home = tmp_path / "home"
    draft = seed_copy(tmp_path / "drafts")
    return home, draft, make_window(draft, home=home)


def test_the_draft_opened_at_start_is_in_open_recent_and_reopens_next_time(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home, draft, first = _first_start(make_window, tmp_path)
    assert _recent_menu_texts(first)[0] == "seed.postdesk"
    first.close()

    again = make_window(home=home)  # `postdesk` with no file: the last draft
    assert again.document.path == draft.resolve()
    assert again.form.film.title.text() == "1 Mile To You"


def test_reopening_the_last_draft_leaves_the_settings_file_untouched(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home, draft, first = _first_start(make_window, tmp_path)
    first.close()  # writes the window's size, and with it the settings file
    settings_file = home / "config" / "ui-state.ini"
    written = settings_file.read_bytes()
    before = settings_file.stat()

    again = make_window(draft, home=home)
    qtbot.wait(200)  # QSettings writes on a later turn of the event loop
    after = settings_file.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert settings_file.read_bytes() == written
    assert _recent_menu_texts(again)[0] == "seed.postdesk"
