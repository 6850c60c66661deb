"""Publish…: the blog, status, date and terms; and the question before warnings are sent."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from postdesk.core.drafts.model import Post
from postdesk.core.publish.accounts import Account, shown_url
from postdesk.ui.fields import ListEdit, join_list
from postdesk.ui.post_form import STATUSES
from postdesk.ui.qt_dates import local_qdatetime


class PublishDialog(QDialog):
    """The choices for one publish, prefilled from the draft."""

    def __init__(
        self, accounts: list[Account], default: Account | None, post: Post, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publish")
        self.account = QComboBox()
        for account in accounts:
            self.account.addItem(f"{account.name} ({shown_url(account.url)})", account.name)
        if default:
            self.account.setCurrentIndex(max(self.account.findData(default.name), 0))
        self.status = QComboBox()
        for value, label in STATUSES:
            self.status.addItem(label, value)
        self.status.setCurrentIndex(max(self.status.findData(post.status), 0))
        self.when = QDateTimeEdit()
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("MMMM d, yyyy  HH:mm")
        start = post.publish_at or dt.datetime.now().astimezone() + dt.timedelta(days=1)
        self.when.setDateTime(local_qdatetime(start))
        self.categories = ListEdit("Movies")
        self.categories.setText(join_list(post.categories))
        self.tags = ListEdit("trailer")
        self.tags.setText(join_list(post.tags))
        form = QFormLayout()
        for label, widget, name in (
            ("&Blog:", self.account, "Blog account"),
            ("&Status:", self.status, "Post status"),
            ("&Date:", self.when, "Publish date"),
            ("&Categories:", self.categories, "Categories"),
            ("&Tags:", self.tags, "Tags"),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Publish")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.status.currentIndexChanged.connect(self._on_status_changed)
        self._on_status_changed()

    def _on_status_changed(self) -> None:
        self.when.setEnabled(self.status.currentData() == "future")

    def chosen_account(self) -> str:
        """The account name chosen."""
        return str(self.account.currentData())

    def apply_to(self, post: Post) -> Post:
        """``post`` with the choices made here."""
        when = self.when.dateTime().toPython()
        scheduled = self.status.currentData() == "future" and isinstance(when, dt.datetime)
        publish_at = when.astimezone() if scheduled and isinstance(when, dt.datetime) else None
        return dataclasses.replace(
            post,
            status=self.status.currentData(),
            publish_at=publish_at or post.publish_at,
            categories=self.categories.items(),
            tags=self.tags.items(),
        )


class PublishWarningsBox(QMessageBox):
    """The draft's warnings, before anything is sent: "Go back" (the default) or go on."""

    def __init__(self, warnings: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle("Publish with warnings?")
        self.setText("This draft will not come out as you may mean it:")
        self.setInformativeText("\n".join(f"• {line}" for line in warnings))
        self.publish_button: QPushButton = self.addButton(
            "&Publish anyway", QMessageBox.ButtonRole.AcceptRole
        )
        self.back_button: QPushButton = self.addButton(
            "&Go back", QMessageBox.ButtonRole.RejectRole
        )
        self.setDefaultButton(self.back_button)
        self.setEscapeButton(self.back_button)

    def publish_anyway(self) -> bool:
        """Ask; true only when the blogger chose to publish anyway."""
        self.exec()
        return self.clickedButton() is self.publish_button
