"""Settings: the release region, how many actors, the TMDB token, the usual publishing slot."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.dates import USUAL_TIME, USUAL_WEEKDAY, WEEKDAY_NAMES
from postdesk.core.filmdata.found import TMDB_NOTICE
from postdesk.ui.workers import Task, start

TOKEN_HELP = (
    'Get a free TMDB “API Read Access Token” at <a href="https://www.themoviedb.org/settings/api">'
    "themoviedb.org/settings/api</a>. postdesk keeps it in your system's keyring."
)

#: Where the blogger's usual publishing day (0 is Monday) and time ("09:00") are kept.
WEEKDAY_KEY = "publishing/weekday"
TIME_KEY = "publishing/time"


def usual_slot(settings: QSettings) -> tuple[int, dt.time]:
    """The blogger's usual publishing day and time; Tuesday, 9:00 until they set others."""
    try:
        weekday = int(str(settings.value(WEEKDAY_KEY, USUAL_WEEKDAY)))
        at = dt.time.fromisoformat(str(settings.value(TIME_KEY, USUAL_TIME.isoformat("minutes"))))
    except ValueError:
        return USUAL_WEEKDAY, USUAL_TIME  # a hand-edited file: fall back, never fail
    return (weekday if 0 <= weekday < 7 else USUAL_WEEKDAY), at


class SettingsDialog(QDialog):
    """Region and cast count go to QSettings; the token only ever to the keyring."""

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.settings = settings
        self.task: Task | None = None
        self.region = QLineEdit(str(settings.value("filmdata/region", "US")), self)
        self.region.setMaxLength(2)
        self.region.setInputMask(">AA")
        self.region.setAccessibleName("Release region (two-letter country code)")
        self.cast_count = QSpinBox(self, minimum=1, maximum=30)
        self.cast_count.setValue(int(settings.value("filmdata/cast_count", 8) or 8))  # type: ignore[call-overload]
        self.cast_count.setAccessibleName("Actors to fill")
        self.token = QLineEdit(self, placeholderText="paste a new token to store it")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName("TMDB token")
        self.set_token = QPushButton("&Store", self)
        self.verify_token = QPushButton("&Verify", self)
        self.remove_token = QPushButton("&Remove", self)
        self.token_status = QLabel(self, wordWrap=True)
        self._build_slot(settings)
        self._layout()
        self.set_token.clicked.connect(self._on_set)
        self.verify_token.clicked.connect(self._on_verify)
        self.remove_token.clicked.connect(self._on_remove)

    def _build_slot(self, settings: QSettings) -> None:
        weekday, at = usual_slot(settings)
        self.weekday = QComboBox(self)
        self.weekday.addItems(list(WEEKDAY_NAMES))
        self.weekday.setCurrentIndex(weekday)
        self.weekday.setAccessibleName("Usual publishing day")
        self.publish_time = QTimeEdit(QTime(at.hour, at.minute), self)
        self.publish_time.setDisplayFormat("HH:mm")
        self.publish_time.setAccessibleName("Usual publishing time")

    def _layout(self) -> None:
        token_row = QHBoxLayout()
        for widget in (self.token, self.set_token, self.verify_token, self.remove_token):
            token_row.addWidget(widget)
        form = QFormLayout()
        form.addRow("Release &region:", self.region)
        form.addRow("&Actors to fill:", self.cast_count)
        form.addRow("&TMDB token:", token_row)
        slot_row = QHBoxLayout()
        slot_row.addWidget(self.weekday)
        slot_row.addWidget(QLabel("at", self))
        slot_row.addWidget(self.publish_time)
        slot_row.addStretch(1)
        slot_label = QLabel("&Usual publishing day:", self)
        slot_label.setBuddy(self.weekday)
        form.addRow(slot_label, slot_row)
        help_label = QLabel(TOKEN_HELP, self, wordWrap=True, openExternalLinks=True)
        notice = QLabel(TMDB_NOTICE, self, wordWrap=True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(help_label)
        layout.addWidget(self.token_status)
        layout.addWidget(notice)
        layout.addWidget(buttons)

    def accept(self) -> None:  # noqa: D102 - saving the choices
        region = self.region.text().strip().upper()
        if len(region) != 2:
            self.token_status.setText("Release region: type a two-letter country code, as US.")
            self.region.setFocus()
            return
        self.settings.setValue("filmdata/region", region)
        self.settings.setValue("filmdata/cast_count", self.cast_count.value())
        self.settings.setValue(WEEKDAY_KEY, self.weekday.currentIndex())
        self.settings.setValue(TIME_KEY, self.publish_time.time().toString("HH:mm"))
        super().accept()

    def _run(self, what: str, work: object) -> None:
        self.token_status.setText(what)
        task = Task(lambda _progress, _cancelled: work())  # type: ignore[operator]
        task.signals.succeeded.connect(lambda message: self._done(task, str(message)))
        task.signals.failed.connect(lambda error: self._done(task, f"⚠ {error}"))
        self.task = task
        start(task)

    def _done(self, task: Task, message: str) -> None:
        if task is self.task:
            self.task = None
            self.token_status.setText(message)

    def _on_set(self) -> None:
        from postdesk.core.filmdata.token import save_tmdb_token

        token = self.token.text()
        self.token.clear()

        def work() -> str:
            save_tmdb_token(token)
            return "The TMDB token is stored in your keyring."

        self._run("Storing the token…", work)

    def _on_verify(self) -> None:
        from postdesk.core.filmdata.tmdb import TmdbSource
        from postdesk.core.filmdata.token import tmdb_token
        from postdesk.core.filmdata.web import WebClient

        def work() -> str:
            TmdbSource(WebClient("TMDB"), tmdb_token()).verify()
            return "TMDB accepts the token."

        self._run("Asking TMDB…", work)

    def _on_remove(self) -> None:
        from postdesk.core.filmdata.token import remove_tmdb_token

        def work() -> str:
            remove_tmdb_token()
            return "The TMDB token is removed from your keyring."

        self._run("Removing the token…", work)
