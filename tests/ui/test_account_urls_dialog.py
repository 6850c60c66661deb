"""The Accounts dialog refuses addresses that would leak the password, without repeating it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from postdesk.core.credentials import CredentialStore
from postdesk.core.publish.accounts import AccountStore
from postdesk.ui.accounts_dialog import AddAccountDialog
from tests.ui.conftest import Dialogs


@pytest.mark.parametrize(
    ("engine", "url", "said"),
    [
        ("wordpress", "http://admin:SECRET@127.0.0.1:8080", "has a user name or password"),
        ("wordpress", "http://10.99.0.1:9915\\@127.0.0.1", "contains a backslash"),
        ("ghost", "https://admin:SECRET@myblog.ghost.io", "has a user name or password"),
    ],
)
def test_a_refused_address_is_explained_and_nothing_is_saved(
    qtbot: QtBot, dialogs: Dialogs, tmp_path: Path, engine: str, url: str, said: str
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    store = AccountStore(tmp_path / "accounts.json")
    dialog = AddAccountDialog(store, CredentialStore(), parent)
    dialog.engine.setCurrentIndex(dialog.engine.findData(engine))
    dialog.name.setText("Blog")
    dialog.url.setText(url)
    dialog.username.setText("admin")
    dialog.password.setText("abcd efgh ijkl mnop qrst uvwx")
    dialog.key.setText("a" * 24 + ":" + "b" * 64)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert said in dialog.status.text()
    assert "SECRET" not in dialog.status.text()
    assert dialog.account is None and not store.path.exists()
