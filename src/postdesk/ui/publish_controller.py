"""The Blog menu: Publish (one click), Publish…, and Accounts…, run off the GUI thread."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from postdesk.core.drafts.model import Draft
from postdesk.core.publish.accounts import Account, AccountError, AccountStore
from postdesk.core.publish.steps import PublishStep
from postdesk.core.publish.targets import publish_target
from postdesk.core.render.templates import TemplateLibrary
from postdesk.ui.document import DraftDocument
from postdesk.ui.workers import Task, start

if TYPE_CHECKING:
    from postdesk.core.credentials import CredentialStore
    from postdesk.core.publish.results import PublishResult

# The publishing stack (requests, keyring, the REST client) loads on first use, so it costs
# nothing at start-up.


def _explained_errors() -> tuple[type[Exception], ...]:
    from postdesk.core.credentials import CredentialError
    from postdesk.core.drafts.problems import DraftError
    from postdesk.core.publish.results import PublishError
    from postdesk.core.publish.wordpress.errors import WordPressError
    from postdesk.core.render.rendering import RenderError

    return (AccountError, CredentialError, DraftError, PublishError, RenderError, WordPressError)


class PublishController(QObject):
    """Publishing the document: one worker at a time, with progress and Cancel.

    It knows the document, the template library, the accounts file and how to save; the
    window places its actions (:attr:`publish_action`, :attr:`publish_as_action`,
    :attr:`accounts_action`) and shows what its signals say.
    """

    #: Text for the status bar, and for how long (ms, 0: until replaced).
    message = Signal(str, int)
    #: The draft is not ready to publish: the form should mark every problem.
    not_ready = Signal()

    def __init__(
        self,
        document: DraftDocument,
        library: TemplateLibrary,
        accounts_file: Path,
        save: Callable[[], bool],
        parent: QWidget,
        credentials: CredentialStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.library, self.save, self.parent_widget = (
            document, library, save, parent
        )  # fmt: skip
        self.store = AccountStore(accounts_file)
        self._credentials = credentials
        self.task: Task | None = None
        self.progress: QProgressDialog | None = None
        self.last_result: PublishResult | None = None
        self._build_actions()

    @property
    def credentials(self) -> CredentialStore:
        """The keyring, opened on first use."""
        if self._credentials is None:
            from postdesk.core.credentials import CredentialStore

            self._credentials = CredentialStore()
        return self._credentials

    def _build_actions(self) -> None:
        window = self.parent_widget
        self.publish_action = QAction("&Publish", window)
        self.publish_action.setShortcut("Ctrl+Shift+P")
        self.publish_action.setStatusTip("Publish the draft to your blog (or update its post)")
        self.publish_action.triggered.connect(self.publish)
        self.publish_as_action = QAction("Publish &To…", window)
        self.publish_as_action.setStatusTip("Choose the blog, status, date, categories and tags")
        self.publish_as_action.triggered.connect(self.publish_with_choices)
        self.accounts_action = QAction("&Accounts…", window)
        self.accounts_action.setStatusTip("Add, check or remove the blogs you publish to")
        self.accounts_action.triggered.connect(self.manage_accounts)

    # -- commands --------------------------------------------------------------------------------

    def manage_accounts(self) -> None:
        """Open the accounts dialog."""
        from postdesk.ui.accounts_dialog import AccountsDialog

        AccountsDialog(self.store, self.credentials, self.parent_widget).exec()

    def publish(self) -> None:
        """One click: to the account the draft was published on, else the default one."""
        if not self._ready() or not self._warnings_accepted():
            return
        account = self._target_account()
        if account is not None:
            self._start(account, overwrite=False)

    def publish_with_choices(self) -> None:
        """Ask for the account, status, date and terms, then publish."""
        if not self._ready(schedule=False) or not self._warnings_accepted():
            return  # (the dialog below still sets status and date)
        accounts = self._accounts()
        if not accounts:
            return
        self.document.sync()
        post = self.document.draft.post
        from postdesk.ui.publish_dialog import PublishDialog

        target = self._target_account(ask=False)
        dialog = PublishDialog(accounts, target, post, self.parent_widget)
        if not dialog.exec():
            return
        draft = copy.copy(self.document.draft)
        draft.post = dialog.apply_to(draft.post)
        self.document.rewrite(draft, "Publish settings")
        self._start(self.store.get(dialog.chosen_account()), overwrite=False)

    # -- running ---------------------------------------------------------------------------------

    def _accounts(self) -> list[Account]:
        try:
            accounts = self.store.accounts()
        except AccountError as err:
            QMessageBox.warning(self.parent_widget, "Accounts", str(err))
            return []
        if not accounts:
            QMessageBox.information(
                self.parent_widget, "No blog yet", "Add the blog you publish to first."
            )
            self.manage_accounts()
            accounts = self.store.accounts()
        return accounts

    def _target_account(self, ask: bool = True) -> Account | None:
        accounts = self._accounts() if ask else self.store.accounts()
        if not accounts:
            return None
        return publish_target(self.store, self.document.draft)

    def _ready(self, schedule: bool = True) -> bool:
        """Check the draft before asking anything; say what to fix, named as the form does."""
        from postdesk.core.publish.readiness import publish_problems
        from postdesk.ui.form_panel import labelled

        self.document.sync()
        problems = publish_problems(self.document.draft)
        if not schedule:
            problems = [p for p in problems if p.path != "post.publish_at"]
        if not problems:
            return True
        self.not_ready.emit()
        lines = "\n".join(f"• {labelled(p)}" for p in problems)
        QMessageBox.warning(self.parent_widget, "Not ready to publish", f"Fix this first:\n{lines}")
        return False

    def _warnings_accepted(self) -> bool:
        """Show the draft's warnings, if any, and ask whether to publish all the same."""
        from postdesk.core.publish.readiness import publish_warnings
        from postdesk.ui.form_panel import labelled
        from postdesk.ui.publish_dialog import PublishWarningsBox

        document = self.document
        warnings = publish_warnings(document.draft, document.path)
        if not warnings:
            return True
        box = PublishWarningsBox([labelled(p) for p in warnings], self.parent_widget)
        return box.publish_anyway()

    def _start(self, account: Account, overwrite: bool) -> None:
        if self.task is not None or not self._ready():
            return
        if not self.save():  # the file is what gets published and recorded
            return
        document = self.document
        draft, path, library = copy.deepcopy(document.draft), document.path, self.library

        def work(
            progress: Callable[[str], None], cancelled: Callable[[], bool]
        ) -> tuple[PublishResult, Draft]:
            from postdesk.core.publish.account_setup import secret_of
            from postdesk.core.publish.flow import publish_draft

            password = secret_of(self.credentials, account)
            result = publish_draft(
                draft, path, account, password, library=library, overwrite=overwrite,
                progress=lambda step: progress(step.value), cancelled=cancelled,
            )  # fmt: skip
            return result, draft

        self.task = Task(work)
        self.task.signals.progressed.connect(self._on_progress)
        self.task.signals.succeeded.connect(self._on_succeeded)
        self.task.signals.failed.connect(lambda err: self._on_failed(err, account))
        self._show_progress(account)
        start(self.task)

    def _show_progress(self, account: Account) -> None:
        self.progress = QProgressDialog(
            f"Publishing to {account.name}…", "Cancel", 0, len(PublishStep), self.parent_widget
        )
        self.progress.setWindowTitle("Publishing")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.canceled.connect(self._on_cancel)
        self.progress.setValue(0)
        self.publish_action.setEnabled(False)

    def _on_progress(self, step: str) -> None:
        if self.progress is not None:
            self.progress.setLabelText(step + "…")
            self.progress.setValue(self.progress.value() + 1)

    def _on_cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            if self.progress is not None:
                self.progress.setLabelText("Cancelling after the current step…")

    def _finish(self) -> None:
        self.task = None
        self.publish_action.setEnabled(True)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _on_succeeded(self, outcome: tuple[PublishResult, Draft]) -> None:
        result, published = outcome
        self._finish()
        self.last_result = result
        self._keep(result)
        from postdesk.core.publish.outcome import outcome_phrase

        done = outcome_phrase(result.status, result.account, published.post.publish_at)
        verb = "created" if result.created else "updated"
        self.message.emit(f"Post {done}: {result.link}", 0)
        box = QMessageBox(self.parent_widget)
        box.setWindowTitle("Published")
        box.setText(f"The post was {verb} and {done}.")
        box.setInformativeText(result.link)
        open_button = box.addButton("Open in browser", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl(result.link))

    def _keep(self, result: PublishResult) -> None:
        """The document records the post and saves; the journal's notes go once it is saved."""
        from postdesk.core.drafts.problems import DraftError
        from postdesk.core.publish.records import newest_record, publication_saved

        document = self.document
        publication = result.publication
        if document.path is not None:
            publication = newest_record(document.path, publication)
        try:
            document.record_publication(publication)
        except DraftError as err:
            QMessageBox.warning(
                self.parent_widget,
                "The draft could not record the post",
                f"The post is on the blog ({result.link}) but the draft could not record it: "
                f"{err}. Save the draft before publishing again.",
            )
            return
        publication_saved(document.path, publication)

    def _on_failed(self, error: Exception, account: Account) -> None:
        from postdesk.core.publish.results import PublishCancelledError
        from postdesk.core.publish.wordpress.errors import ConflictError

        self._finish()
        if isinstance(error, ConflictError):
            answer = QMessageBox.question(
                self.parent_widget,
                "The post was changed on the blog",
                f"{error}\n\nOverwrite the blog's version with this draft?",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self._start(account, overwrite=True)
            return
        if isinstance(error, PublishCancelledError):
            self.message.emit(str(error), 10000)
            return
        explained = isinstance(error, _explained_errors())
        message = str(error) if explained else f"Unexpected error: {error!r}"
        QMessageBox.warning(
            self.parent_widget,
            "Publishing failed",
            f"{message}\n\nYour draft was not changed; you can publish again.",
        )
