"""The Accounts dialog: the engine first, only its fields, checked with the real Ghost."""

from __future__ import annotations

import uuid
from pathlib import Path

import keyring
import pytest
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from postdesk.core.credentials import CredentialStore
from postdesk.core.publish.accounts import Account, AccountStore
from postdesk.ui.accounts_dialog import AccountsDialog, AddAccountDialog
from tests.services import GhostSite
from tests.ui.conftest import Dialogs

pytestmark = [pytest.mark.ghost, pytest.mark.keyring]


def test_ghost_is_chosen_first_and_shows_only_its_fields(
    qtbot: QtBot,
    dialogs: Dialogs,
    ghost: GhostSite,
    secret_service: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    store = AccountStore(tmp_path / "accounts.json")
    dialog = AddAccountDialog(store, CredentialStore(), parent)
    assert dialog.form.isRowVisible(dialog.username) and not dialog.form.isRowVisible(dialog.key)
    dialog.engine.setCurrentIndex(dialog.engine.findData("ghost"))
    assert not dialog.form.isRowVisible(dialog.username)
    assert not dialog.form.isRowVisible(dialog.password)
    assert dialog.form.isRowVisible(dialog.key)

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))  # type: ignore[attr-defined]
    dialog.url.setText(ghost.url)
    dialog.get_key.click()
    assert opened == [ghost.url + "/ghost/#/settings/integrations"]

    name = f"Dialog Ghost {uuid.uuid4().hex[:6]}"
    dialog.name.setText(name)
    dialog.key.setText(ghost.key)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    try:
        qtbot.waitUntil(lambda: dialog.account is not None, timeout=30_000)
        assert store.get(name).engine == "ghost"
        assert keyring.get_password("postdesk", name) == ghost.key
        assert any(f"{name}: Ghost 5.130" in m for m in dialogs.warnings)
        listing = AccountsDialog(store, CredentialStore(), parent)
        assert listing.list.item(0).text() == f"{name}: {ghost.url} (Ghost)  (default)"
    finally:
        keyring.delete_password("postdesk", name)


def test_a_wrong_ghost_key_is_shown_at_the_dialog_and_nothing_is_stored(
    qtbot: QtBot, ghost: GhostSite, secret_service: str, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    store = AccountStore(tmp_path / "accounts.json")
    dialog = AddAccountDialog(store, CredentialStore(), parent)
    dialog.engine.setCurrentIndex(dialog.engine.findData("ghost"))
    name = f"Wrong Ghost {uuid.uuid4().hex[:6]}"
    dialog.name.setText(name)
    dialog.url.setText(ghost.url)
    dialog.key.setText(ghost.key.split(":")[0] + ":" + "ef" * 32)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=30_000)
    assert "refused the Admin API key" in dialog.status.text()
    assert "ef" * 32 not in dialog.status.text()
    assert store.accounts() == []
    assert keyring.get_password("postdesk", name) is None


def test_adding_a_blog_under_a_taken_name_keeps_the_old_password(
    qtbot: QtBot, credentials: CredentialStore, tmp_path: Path
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    store = AccountStore(tmp_path / "accounts.json")
    store.add(Account("Film blog", "https://films.example", "ann"))
    credentials.set("Film blog", "old application password")
    dialog = AddAccountDialog(store, credentials, parent)
    dialog.name.setText("Film blog")
    dialog.url.setText("https://other.example")
    dialog.username.setText("bob")
    dialog.password.setText("new password typed by mistake")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "already an account named" in dialog.status.text(), timeout=10_000)
    assert credentials.get("Film blog") == "old application password"
    assert [(a.name, a.url) for a in store.accounts()] == [("Film blog", "https://films.example")]
