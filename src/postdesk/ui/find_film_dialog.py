"""Find film…: search Wikidata or TMDB, pick a film, review what changes, apply as one undo step."""

from __future__ import annotations

import copy
import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.model import Draft, Film, new_draft
from postdesk.core.filmdata.found import TMDB_NOTICE, FilmHit, FoundFilm
from postdesk.core.filmdata.merge import Difference, Merge, apply_differences
from postdesk.core.paths import UserDirs
from postdesk.ui.document import DraftDocument
from postdesk.ui.workers import Task, start

if TYPE_CHECKING:
    from postdesk.core.filmdata.lookup import LookupSettings

SOURCE_LABELS = {"wikidata": "Wikidata (no key needed)", "tmdb": "TMDB (needs your token)"}
FIELD_LABELS = {
    "title": "Title",
    "year": "Year",
    "tagline": "Tagline",
    "synopsis": "Synopsis",
    "genres": "Genres",
    "runtime_minutes": "Runtime",
    "rating": "Rating",
    "cast": "Cast",
    "directors": "Directors",
    "writers": "Writers",
    "releases": "Releases",
    "trailer_url": "Trailer",
    "poster": "Poster",
}
THUMBNAILS = 8
#: Cancelled look-ups still finishing their current request: kept alive until they end.
_RETIRED: set[Task] = set()


@dataclass
class Found:
    """A finished fill: the merged film, what it left alone, and where it came from."""

    merge: Merge
    found: FoundFilm


def lookup_settings(settings: QSettings, dirs: UserDirs) -> LookupSettings:
    """The look-up settings the blogger chose in Settings (token read off the UI thread)."""
    from postdesk.core.filmdata.lookup import LookupSettings  # the network stack, when needed

    region = str(settings.value("filmdata/region", "US") or "US")
    cast_count = int(settings.value("filmdata/cast_count", 8) or 8)  # type: ignore[call-overload]
    return LookupSettings(region=region, cast_count=cast_count, dirs=dirs)


#: Marks a token still to be read from the keyring, which happens off the UI thread.
_KEYRING_TOKEN = "\0keyring"


def _read_token(settings: LookupSettings) -> None:
    if settings.token == _KEYRING_TOKEN:
        from postdesk.core.filmdata.token import tmdb_token

        settings.token = tmdb_token()


def _describe(value: Any, limit: int = 90) -> str:
    if isinstance(value, list):
        text = ", ".join(str(getattr(v, "name", None) or getattr(v, "where", v)) for v in value)
    else:
        text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class FindFilmDialog(QDialog):
    """Search, pick, review; every network call runs in the thread pool and can be cancelled."""

    def __init__(
        self,
        draft: Draft,
        draft_file: Path,
        settings: LookupSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Find film")
        self.setObjectName("findFilmDialog")
        self.draft = draft
        self.draft_file = draft_file
        self.settings = settings
        self.task: Task | None = None
        self.found: Found | None = None
        self._cancel_switch = threading.Event()
        self.chosen_film: Film | None = None
        self._hits: list[FilmHit] = []
        self._build()
        self.resize(640, 520)

    def _build(self) -> None:
        self.query = QLineEdit(self, placeholderText="Film title, as in “1 Mile to You”")
        self.query.setAccessibleName("Film title to search for")
        self.year = QSpinBox(self)
        self.year.setRange(0, 2100)
        self.year.setSpecialValueText("any year")
        self.source = QComboBox(self)
        for key, label in SOURCE_LABELS.items():
            self.source.addItem(label, key)
        self.search_button = QPushButton("&Search", self, default=True)
        self.results = QListWidget(self)
        self.results.setIconSize(QSize(46, 69))
        self.review = QListWidget(self)
        self.review.setWordWrap(True)
        self.review_note = QLabel(self, wordWrap=True)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.results)
        review_page = QWidget(self)
        review_layout = QVBoxLayout(review_page)
        review_layout.setContentsMargins(0, 0, 0, 0)
        review_layout.addWidget(self.review_note)
        review_layout.addWidget(self.review, 1)
        self.pages.addWidget(review_page)
        self.status = QLabel(self, wordWrap=True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy: the sources do not say how long they take
        self.progress.setVisible(False)
        self.notice = QLabel(TMDB_NOTICE, self, wordWrap=True)
        self.notice.setStyleSheet("color: palette(mid); font-size: small;")
        self.buttons = QDialogButtonBox(self)
        self.fill_button = self.buttons.addButton(
            "&Fill from this film", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.apply_button = self.buttons.addButton("&Apply", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.fill_button.setEnabled(False)
        self.apply_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(self.year)
        row.addWidget(self.source)
        row.addWidget(self.search_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self.search_button.clicked.connect(self._on_search)
        self.query.returnPressed.connect(self._on_search)
        self.results.currentRowChanged.connect(lambda row: self.fill_button.setEnabled(row >= 0))
        self.results.itemActivated.connect(lambda _item: self._on_fill())
        self.fill_button.clicked.connect(self._on_fill)
        self.apply_button.clicked.connect(self._on_apply)
        self.cancel_button.clicked.connect(self._on_cancel)

    # -- running work off the UI thread --

    def _run(self, what: str, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._cancel_task()
        self.status.setText(what)
        self.progress.setVisible(True)
        self.search_button.setEnabled(False)
        self.fill_button.setEnabled(False)
        task = Task(lambda _progress, _cancelled: work())
        task.signals.succeeded.connect(lambda result: self._finished(task, done, result))
        task.signals.failed.connect(lambda error: self._failed(task, error))
        self.task = task
        start(task)

    def _finished(self, task: Task, done: Callable[[Any], None], result: Any) -> None:
        _RETIRED.discard(task)
        if task is not self.task:
            return
        self.task = None
        self._idle()
        done(result)

    def _failed(self, task: Task, error: object) -> None:
        _RETIRED.discard(task)
        if task is not self.task:
            return
        self.task = None
        self._idle()
        self.status.setText(f"⚠ {error}")

    def _idle(self) -> None:
        self.progress.setVisible(False)
        self.search_button.setEnabled(True)
        self.fill_button.setEnabled(
            self.results.currentRow() >= 0 and self.pages.currentIndex() == 0
        )

    def _cancel_task(self) -> None:
        if self.task is not None:
            self._cancel_switch.set()
            self.task.cancel()
            _RETIRED.add(self.task)
            self.task = None

    def _on_cancel(self) -> None:
        """Cancel stops a running look-up first; a second Cancel closes. Nothing was changed."""
        if self.task is not None:
            self._cancel_task()
            self._idle()
            self.status.setText("Cancelled; nothing was changed.")
            return
        self.reject()

    def _fresh_settings(self, source: str) -> LookupSettings:
        """A copy of the settings with its own cancel switch, for one task."""
        settings = dataclasses.replace(self.settings, cancel=threading.Event())
        self._cancel_switch = settings.cancel
        if source == "tmdb" and settings.token is None:
            settings.token = _KEYRING_TOKEN
        return settings

    # -- search, fill, review, apply --

    def _on_search(self) -> None:
        from postdesk.core.filmdata.lookup import open_source, search_films

        query, source = self.query.text(), str(self.source.currentData())
        year = self.year.value() or None

        settings = self._fresh_settings(source)

        def work() -> tuple[list[FilmHit], dict[str, bytes]]:
            _read_token(settings)
            hits = search_films(source, query, year, settings)
            _finder, client = open_source(source, settings)
            images: dict[str, bytes] = {}
            for hit in hits[:THUMBNAILS]:
                if hit.thumbnail_url:
                    try:
                        images[hit.film_id] = client.get_bytes(hit.thumbnail_url)
                    except Exception:  # noqa: BLE001 - a missing thumbnail is only cosmetic
                        continue
            return hits, images

        self.pages.setCurrentIndex(0)
        self.apply_button.setVisible(False)
        self.fill_button.setVisible(True)
        self._run(f"Searching {SOURCE_LABELS[source].split(' ')[0]}…", work, self._show_hits)

    def _show_hits(self, found: tuple[list[FilmHit], dict[str, bytes]]) -> None:
        hits, images = found
        self.results.clear()
        self._hits = list(hits)  # row i of the list is self._hits[i]: no Python data in Qt roles
        for hit in hits:
            year = str(hit.year) if hit.year else "year unknown"
            directors = ", ".join(hit.directors) or "director unknown"
            item = QListWidgetItem(f"{hit.title} ({year})\ndirected by {directors}")
            image = QImage.fromData(images[hit.film_id]) if hit.film_id in images else QImage()
            if image.isNull():  # no poster: a blank of the same size keeps the titles aligned
                blank = QPixmap(self.results.iconSize())
                blank.fill(Qt.GlobalColor.transparent)
                item.setIcon(QIcon(blank))
            else:
                item.setIcon(QIcon(QPixmap.fromImage(image)))
            self.results.addItem(item)
        self.results.setCurrentRow(0)
        self.status.setText(
            f"{len(hits)} film(s) found: pick one and choose “Fill from this film”."
        )

    def _on_fill(self) -> None:
        from postdesk.core.filmdata.lookup import fill_draft

        item, row = self.results.currentItem(), self.results.currentRow()
        if item is None or not 0 <= row < len(self._hits):
            return
        film_id = self._hits[row].film_id
        draft, draft_file = copy.deepcopy(self.draft), self.draft_file
        settings = self._fresh_settings(film_id.partition(":")[0])

        def work() -> Found:
            _read_token(settings)
            merge, found = fill_draft(draft, draft_file, film_id, settings)
            return Found(merge, found)

        self._run(f"Fetching {item.text().splitlines()[0]}…", work, self._show_review)

    def _show_review(self, result: Found) -> None:
        self.found = result
        self.review.clear()
        for difference in result.merge.differences:
            label = FIELD_LABELS.get(difference.field, difference.field)
            yours, found = _describe(difference.current), _describe(difference.found)
            item = QListWidgetItem(f"{label}: yours “{yours}” → found “{found}”")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.review.addItem(item)
        filled = [
            FIELD_LABELS[name]
            for name in FIELD_LABELS
            if getattr(result.merge.film, name) != getattr(self.draft.film, name)
        ]
        note = "Will fill: " + (", ".join(filled) or "nothing new") + "."
        if result.merge.differences:
            note += " You wrote these differently; tick the ones to replace:"
        self.review_note.setText(note)
        self.notice.setText(result.found.notice)
        self.status.setText("; ".join(result.found.warnings))
        self.pages.setCurrentIndex(1)
        self.fill_button.setVisible(False)
        self.apply_button.setVisible(True)

    def ticked(self) -> list[Difference]:
        """The differences the blogger ticked in the review."""
        assert self.found is not None
        return [
            d
            for index, d in enumerate(self.found.merge.differences)
            if self.review.item(index).checkState() == Qt.CheckState.Checked
        ]

    def _on_apply(self) -> None:
        if self.found is None:
            return
        self.chosen_film = apply_differences(self.found.merge.film, self.ticked())
        self.accept()

    def done(self, result: int) -> None:  # noqa: D102 - closing always stops the look-up
        self._cancel_task()
        super().done(result)


class FilmFinder(QObject):
    """Find film… and File ▸ New from film…, over the open document.

    The window places :attr:`find_action`, :attr:`new_action`, :attr:`settings_action` and
    the empty Film tab's :attr:`empty_button`; a fill reaches the form through the document
    (:meth:`DraftDocument.rewrite`, one undo step; :meth:`DraftDocument.replace` for a new
    draft).
    """

    def __init__(
        self,
        document: DraftDocument,
        settings: QSettings,
        dirs: UserDirs,
        confirm_discard: Callable[[], bool],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.document, self.settings, self.dirs = document, settings, dirs
        self.confirm_discard, self.parent_widget = confirm_discard, parent
        self.dialog: FindFilmDialog | None = None
        self.find_action = QAction("&Find film…", parent)
        self.find_action.setShortcut("Ctrl+Shift+F")
        self.find_action.setStatusTip("Fill the film's facts from Wikidata or TMDB")
        self.find_action.triggered.connect(self.find)
        self.new_action = QAction("New from &film…", parent)
        self.new_action.setStatusTip("Start a new draft filled from Wikidata or TMDB")
        self.new_action.triggered.connect(self.new_from_film)
        self.settings_action = QAction("Se&ttings…", parent)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.open_settings)
        self.empty_button = QPushButton("Find film…")
        self.empty_button.setObjectName("findFilmButton")
        self.empty_button.setToolTip("Fill the film's facts from Wikidata or TMDB")
        self.empty_button.clicked.connect(self.find)
        document.updated.connect(self.update_button)

    def update_button(self) -> None:
        """Offer the button while the film has no title (once the window has placed it)."""
        if self.empty_button.parent() is not None:
            self.empty_button.setVisible(not self.document.draft.film.title)

    def open_settings(self) -> None:
        """Region, cast count and the TMDB token."""
        from postdesk.ui.settings_dialog import SettingsDialog

        self.settings_dialog = SettingsDialog(self.settings, self.parent_widget)
        self.settings_dialog.open()

    def _draft_file(self) -> Path:
        """Where the poster goes: beside the draft, else in the data folder's posters."""
        return self.document.anchor or self.dirs.data / "posters" / "untitled.postdesk"

    def find(self) -> None:
        """Find a film and fill the open draft with it, as one undo step."""
        self.document.sync()
        draft = self.document.draft
        self._open(draft, lambda film: self._apply(draft, film))

    def new_from_film(self) -> None:
        """Start a new draft from a film (after asking about unsaved work)."""
        if not self.confirm_discard():
            return

        def start_new(film: Film) -> None:
            draft = new_draft()
            draft.film = film
            draft.post.title = film.title
            self.document.replace(draft, None, None, modified=True)

        self._open(new_draft(), start_new)

    def _open(self, draft: Draft, done: Callable[[Film], None]) -> None:
        settings = lookup_settings(self.settings, self.dirs)
        dialog = FindFilmDialog(draft, self._draft_file(), settings, self.parent_widget)
        self.dialog = dialog
        title = draft.film.title
        dialog.query.setText(title)

        def finished(code: int) -> None:
            self.dialog = None
            if code == QDialog.DialogCode.Accepted and dialog.chosen_film is not None:
                film = dialog.chosen_film
                if film.poster and self.document.path is None:
                    film.poster = str(self._draft_file().parent / film.poster)
                done(film)

        dialog.finished.connect(finished)
        dialog.open()

    def _apply(self, draft: Draft, film: Film) -> None:
        changed = copy.deepcopy(draft)
        changed.film = film
        self.document.rewrite(changed, "Fill from film")
