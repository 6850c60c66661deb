"""Find film… in the real window: search, pick, review the differences, apply, undo."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytest_httpserver import HTTPServer
from pytestqt.qtbot import QtBot
from werkzeug import Request, Response

from postdesk.core.filmdata.found import TMDB_NOTICE, WIKIDATA_NOTICE
from postdesk.ui.find_film_dialog import FindFilmDialog
from postdesk.ui.main_window import MainWindow
from tests.filmdata_stand_in import TOKEN
from tests.ui.conftest import WindowFactory

SCREENSHOT_ENV = "POSTDESK_SCREENSHOT_DIR"
# The offscreen platform cannot resize a dialog to its size hint; harmless, said once per dialog.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _dialog(window: object) -> FindFilmDialog:
    dialog = window.film_finder.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, FindFilmDialog)
    return dialog


def _searched_nord(window: MainWindow, qtbot: QtBot) -> FindFilmDialog:
    """A new draft, Find film… opened and "nord" searched on Wikidata (two films found)."""
    window.files.new()
    window.film_finder.find_action.trigger()
    dialog = _dialog(window)
    dialog.query.setText("nord")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results.count() == 2 and dialog.task is None, timeout=30_000)
    return dialog


def test_find_pick_review_apply_undo(
    stand_in: HTTPServer,
    make_window: WindowFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("POSTDESK_TMDB_TOKEN", TOKEN)
    window = make_window()
    window.files.new()
    form = window.form.film
    assert window.film_finder.empty_button.isVisibleTo(window)
    # The blogger already wrote a synopsis of their own.
    form.fields["film.synopsis"].editor.setPlainText("My own words about it.")
    window.film_finder.find_action.trigger()
    dialog = _dialog(window)
    assert TMDB_NOTICE in dialog.notice.text()
    dialog.source.setCurrentIndex(dialog.source.findData("tmdb"))
    dialog.query.setText("Les Étoiles du Nord")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results.count() == 2 and dialog.task is None, timeout=30_000)
    assert "Céline Marchetti, Bjørn Åberg" in dialog.results.item(0).text()
    thumbnail = dialog.results.item(0).icon().pixmap(46, 69).toImage()
    assert thumbnail.pixelColor(5, 5).alpha() > 0  # the poster, not the blank of a film without
    if os.environ.get(SCREENSHOT_ENV):
        dialog.grab().save(str(Path(os.environ[SCREENSHOT_ENV]) / "find-film-results.png"))
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
    if os.environ.get(SCREENSHOT_ENV):
        dialog.grab().save(str(Path(os.environ[SCREENSHOT_ENV]) / "find-film-review.png"))
    assert dialog.review.count() == 1  # the synopsis: offered, not forced
    assert "My own words about it." in dialog.review.item(0).text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.film_finder.dialog is None)

    draft = window.document.draft
    assert draft.film.title == "Les Étoiles du Nord"
    assert draft.film.directors == ["Céline Marchetti", "Bjørn Åberg"]
    assert draft.film.synopsis == "My own words about it."
    assert len(draft.film.cast) == 8
    assert form.fields["film.title"].editor.text() == "Les Étoiles du Nord"
    assert not window.film_finder.empty_button.isVisibleTo(window)

    window.undo_action.trigger()  # one step takes the whole fill back
    assert window.document.draft.film.title == ""
    assert window.document.draft.film.cast == []
    assert window.document.draft.film.synopsis == "My own words about it."


def test_cancel_changes_nothing_and_wikidata_is_credited(
    stand_in: HTTPServer, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    dialog = _searched_nord(window, qtbot)
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
    assert dialog.notice.text() == WIKIDATA_NOTICE
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.film_finder.dialog is None)
    assert window.document.draft.film.title == ""
    assert window.undo_stack.count() == 0


def test_empty_search_is_said_in_the_dialog(
    stand_in: HTTPServer, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.film_finder.find_action.trigger()
    dialog = _dialog(window)
    dialog.query.setText("zzzz")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "found no film" in dialog.status.text(), timeout=30_000)
    dialog.reject()


def test_settings_keep_region_and_cast_count_and_refuse_a_bad_region(
    stand_in: HTTPServer,
    make_window: WindowFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("POSTDESK_TMDB_TOKEN", TOKEN)
    window = make_window()
    window.film_finder.settings_action.trigger()
    dialog = window.film_finder.settings_dialog
    dialog.region.setText("F")
    dialog.accept()
    assert "two-letter country code" in dialog.token_status.text()
    assert dialog.isVisible()
    dialog.region.setText("fr")
    dialog.cast_count.setValue(3)
    qtbot.mouseClick(dialog.verify_token, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.token_status.text() == "TMDB accepts the token.", timeout=30_000)
    dialog.accept()
    assert window.settings.value("filmdata/region") == "FR"
    window.files.new()
    window.film_finder.find_action.trigger()
    finder = _dialog(window)
    finder.source.setCurrentIndex(finder.source.findData("tmdb"))
    finder.query.setText("nord")
    qtbot.mouseClick(finder.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finder.results.count() == 2 and finder.task is None, timeout=30_000)
    qtbot.mouseClick(finder.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: finder.pages.currentIndex() == 1, timeout=30_000)
    qtbot.mouseClick(finder.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.film_finder.dialog is None)
    film = window.document.draft.film
    assert len(film.cast) == 3
    assert film.rating == "U"  # France's certificate
    assert Path(film.poster or "").is_absolute()  # an untitled draft: the poster is findable


def test_new_from_film_starts_a_filled_draft(
    stand_in: HTTPServer, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.film_finder.new_action.trigger()
    dialog = _dialog(window)
    dialog.query.setText("Les Étoiles du Nord")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.results.count() == 2 and dialog.task is None, timeout=30_000)
    dialog.results.setCurrentRow(1)
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=30_000)
    assert dialog.review.count() == 0  # a new draft: nothing of the blogger's to keep
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.film_finder.dialog is None)
    assert window.document.path is None
    assert window.document.draft.film.title == "The Quiet Harbour"
    assert window.document.draft.post.title == "The Quiet Harbour"
    assert window.document.draft.film.trailer_url is None
    assert window.isWindowModified()


def test_cancel_while_fetching_stops_and_changes_nothing(
    stand_in: HTTPServer, make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    dialog = _searched_nord(window, qtbot)
    arrived = threading.Event()

    def slow_query_service(request: Request) -> Response:
        arrived.set()
        time.sleep(3)  # the film's facts take their time
        return Response("{}", status=503)

    stand_in.expect_oneshot_request("/sparql").respond_with_handler(slow_query_service)
    qtbot.mouseClick(dialog.fill_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(arrived.is_set, timeout=10_000)
    assert dialog.progress.isVisible() and dialog.task is not None
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Cancelled; nothing was changed."
    assert dialog.isVisible() and dialog.task is None  # the blogger can search again
    assert not dialog.progress.isVisible()
    assert window.document.draft.film.title == ""
    assert window.undo_stack.count() == 0
