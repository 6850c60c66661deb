"""Accounts…: add a blog (checked with the blog at once), verify it, or remove it."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.credentials import CredentialError, CredentialStore
from postdesk.core.publish.account_setup import add_account, check_account, secret_of
from postdesk.core.publish.accounts import (
    Account,
    AccountError,
    AccountStore,
    normalize_site_url,
    shown_url,
)
from postdesk.core.publish.wordpress.errors import WordPressError
from postdesk.ui.workers import Task, start

ERRORS = (AccountError, CredentialError, WordPressError)


ENGINES = (("WordPress", "wordpress"), ("Ghost", "ghost"))


class AddAccountDialog(QDialog):
    """The engine first, then only its fields; saved only once the blog agrees."""

    def __init__(self, store: AccountStore, credentials: CredentialStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add a blog")
        self.store, self.credentials = store, credentials
        self.account: Account | None = None
        self._task: Task | None = None
        self.engine = QComboBox()
        for label, engine in ENGINES:
            self.engine.addItem(label, engine)
        self.name = QLineEdit(placeholderText="My film blog")
        self.url = QLineEdit(placeholderText="https://myblog.example")
        self.username = QLineEdit(placeholderText="Your WordPress user name")
        self.password = QLineEdit(placeholderText="xxxx xxxx xxxx xxxx xxxx xxxx")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.key = QLineEdit(placeholderText="24 hex digits:64 hex digits")
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        get_password = QPushButton("Get an application password…")
        get_password.setToolTip("Opens your blog's page that creates one for postdesk")
        get_password.clicked.connect(self._on_get_password)
        self.get_key = QPushButton("Open Ghost's Integrations page…")
        self.get_key.setToolTip("Add a custom integration there and copy its Admin API key")
        self.get_key.clicked.connect(self._on_get_key)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Check and add")
        self.buttons.accepted.connect(self._on_check)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        for label, widget, name in (
            ("&Blog engine:", self.engine, "Blog engine"),
            ("&Name:", self.name, "Account name"),
            ("&Site address:", self.url, "Site address"),
            ("&User name:", self.username, "User name"),
            ("Application &password:", self.password, "Application password"),
            ("Admin API &key:", self.key, "Admin API key"),
        ):
            widget.setAccessibleName(name)
            self.form.addRow(label, widget)
        self.form.addRow("", get_password)
        self.form.addRow("", self.get_key)
        self._only_wordpress = (self.username, self.password, get_password)
        self._only_ghost = (self.key, self.get_key)
        self.engine.currentIndexChanged.connect(self._show_engine_fields)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._show_engine_fields()
        self.resize(520, self.sizeHint().height())

    @property
    def chosen_engine(self) -> str:
        """The engine picked in the first field: "wordpress" or "ghost"."""
        return str(self.engine.currentData())

    def _show_engine_fields(self) -> None:
        ghost = self.chosen_engine == "ghost"
        for widget in self._only_wordpress:
            self.form.setRowVisible(widget, not ghost)
        for widget in self._only_ghost:
            self.form.setRowVisible(widget, ghost)
        self.url.setPlaceholderText(
            "https://myblog.ghost.io" if ghost else "https://myblog.example"
        )

    def _on_get_password(self) -> None:
        try:
            site = normalize_site_url(self.url.text())
        except AccountError as err:
            self.status.setText(str(err))
            return
        QDesktopServices.openUrl(
            QUrl(f"{site}/wp-admin/authorize-application.php?app_name=postdesk")
        )

    def _on_get_key(self) -> None:
        from postdesk.core.publish.ghost.client import integrations_page

        try:
            page = integrations_page(self.url.text())
        except AccountError as err:
            self.status.setText(f"Site address: {err}")
            return
        QDesktopServices.openUrl(QUrl(page))

    def _on_check(self) -> None:
        ghost = self.chosen_engine == "ghost"
        secret = (self.key if ghost else self.password).text().strip()
        try:
            url = normalize_site_url(self.url.text())
            user = "" if ghost else self.username.text().strip()
            account = Account(self.name.text().strip(), url, user, self.chosen_engine)
            if ghost and (not account.name or not secret):
                raise AccountError("fill in the name and the Admin API key")
            if not ghost and (not account.name or not account.username or not secret):
                raise AccountError("fill in the name, the user name and the application password")
            self.credentials.ensure_usable()
        except ERRORS as err:
            self.status.setText(str(err))
            return
        self.buttons.setEnabled(False)
        self.status.setText(f"Checking with {account.url}…")
        self._task = Task(lambda progress, cancelled: self._add(account, secret))
        self._task.signals.succeeded.connect(self._on_added)
        self._task.signals.failed.connect(self._on_failed)
        start(self._task)

    def _add(self, account: Account, secret: str) -> tuple[Account, str]:
        return account, add_account(self.store, self.credentials, account, secret)

    def _on_added(self, result: tuple[Account, str]) -> None:
        self.account, summary = result
        QMessageBox.information(self, "Blog added", f"{self.account.name}: {summary}.")
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.status.setText(str(error) if isinstance(error, ERRORS) else f"Unexpected: {error}")


class AccountsDialog(QDialog):
    """The list of blogs, with add, verify, make default and remove."""

    def __init__(self, store: AccountStore, credentials: CredentialStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Blog accounts")
        self.store, self.credentials = store, credentials
        self._task: Task | None = None
        self.list = QListWidget()
        self.list.setAccessibleName("Blog accounts")
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QVBoxLayout()
        for text, slot in (
            ("&Add…", self._on_add),
            ("&Verify", self._on_verify),
            ("Make &default", self._on_default),
            ("&Remove", self._on_remove),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Passwords are kept in your system keyring, never in a file."))
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(close)
        self.resize(560, 320)
        self._refresh()

    def _refresh(self) -> None:
        self.list.clear()
        try:
            default = self.store.default()
            for account in self.store.accounts():
                mark = "  (default)" if default and default.name == account.name else ""
                who = f" as {account.username}" if account.username else ""
                engine = dict((e, label) for label, e in ENGINES).get(account.engine, "?")
                self.list.addItem(f"{account.name}: {shown_url(account.url)}{who} ({engine}){mark}")
        except AccountError as err:
            self.status.setText(str(err))

    def _selected(self) -> Account | None:
        row = self.list.currentRow()
        accounts = self.store.accounts()
        return accounts[row] if 0 <= row < len(accounts) else None

    def _on_add(self) -> None:
        dialog = AddAccountDialog(self.store, self.credentials, self)
        if dialog.exec():
            self._refresh()

    def _on_verify(self) -> None:
        account = self._selected()
        if account is None:
            return
        self.status.setText(f"Checking {account.name}…")

        def check(progress: object, cancelled: object) -> str:
            return check_account(account, secret_of(self.credentials, account))

        self._task = Task(check)
        self._task.signals.succeeded.connect(
            lambda summary: self.status.setText(f"{account.name}: OK, {summary}.")
        )
        self._task.signals.failed.connect(lambda err: self.status.setText(str(err)))
        start(self._task)

    def _on_default(self) -> None:
        account = self._selected()
        if account is not None:
            self.store.set_default(account.name)
            self._refresh()

    def _on_remove(self) -> None:
        account = self._selected()
        if account is None:
            return
        answer = QMessageBox.question(
            self, "Remove account", f"Remove “{account.name}” and its password from this computer?"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.credentials.delete(account.name)
            self.store.remove(account.name)
        except ERRORS as err:
            self.status.setText(str(err))
        self._refresh()
