"""Settings for film look-ups: the release region, how many actors, and the TMDB token."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.filmdata.found import TMDB_NOTICE
from postdesk.ui.workers import Task, start

TOKEN_HELP = (
    'Get a free TMDB “API Read Access Token” at <a href="https://www.themoviedb.org/settings/api">'
    "themoviedb.org/settings/api</a>. postdesk keeps it in your system's keyring."
)


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
        self._layout()
        self.set_token.clicked.connect(self._on_set)
        self.verify_token.clicked.connect(self._on_verify)
        self.remove_token.clicked.connect(self._on_remove)

    def _layout(self) -> None:
        token_row = QHBoxLayout()
        for widget in (self.token, self.set_token, self.verify_token, self.remove_token):
            token_row.addWidget(widget)
        form = QFormLayout()
        form.addRow("Release &region:", self.region)
        form.addRow("&Actors to fill:", self.cast_count)
        form.addRow("&TMDB token:", token_row)
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
