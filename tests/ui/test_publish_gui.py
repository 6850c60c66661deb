"""The Publish button, against the real WordPress and the real keyring."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.publish.accounts import Account, AccountStore
from postdesk.core.publish.journal import journal_path
from postdesk.ui.publish_dialog import PublishWarningsBox
from tests.services import GhostSite, WordPressSite
from tests.ui.conftest import (
    Dialogs,
    WindowFactory,
    click_publish,
    publish_and_wait,
    title_uniquely,
)
from tests.ui.test_window import seed_copy

pytestmark = [pytest.mark.wordpress, pytest.mark.keyring]


@pytest.fixture
def blog_account(
    wordpress: WordPressSite, secret_service: str, tmp_path: Path
) -> Iterator[tuple[Path, str]]:
    """A home folder with one account whose password is in the real keyring."""
    home = tmp_path / "home"
    name = f"GUI blog {uuid.uuid4().hex[:6]}"
    AccountStore(home / "config" / "accounts.json").add(Account(name, wordpress.url, "editor"))
    keyring.set_password("postdesk", name, wordpress.password())
    yield home, name
    keyring.delete_password("postdesk", name)


def test_the_publish_button_publishes_and_shows_the_link(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    wordpress: WordPressSite,
    blog_account: tuple[Path, str],
    tmp_path: Path,
) -> None:
    home, name = blog_account
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path, home=home)
    title_uniquely(window)
    result = publish_and_wait(qtbot, window)
    assert result is not None and result.created
    assert any(f"The post was created and saved as a draft on {name}." in m and result.link in m
               for m in dialogs.warnings)  # fmt: skip
    assert result.link in window.published_label.text()
    assert load_draft(path).publication_for(name).post_id == result.post_id  # type: ignore[union-attr]
    assert not window.isWindowModified()
    assert not journal_path(path).exists()  # the window saved the record: nothing pending
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})
    assert post["title"]["raw"] == window.form.post.title.text()
    assert post["featured_media"] > 0


def test_publishing_can_be_cancelled_before_anything_is_sent(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    wordpress: WordPressSite,
    blog_account: tuple[Path, str],
    tmp_path: Path,
) -> None:
    home, name = blog_account
    path = seed_copy(tmp_path / "drafts")
    before = path.read_bytes()
    window = make_window(path, home=home)
    controller = window.publishing
    controller.publish()
    assert controller.task is not None
    controller._on_cancel()
    qtbot.waitUntil(lambda: controller.task is None, timeout=30_000)
    assert window.statusBar().currentMessage() == "Publishing was cancelled; no post was sent."
    assert path.read_bytes() == before
    assert controller.last_result is None


@pytest.mark.ghost
def test_the_publish_button_publishes_to_ghost(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    ghost: GhostSite,
    secret_service: str,
    tmp_path: Path,
) -> None:
    home = tmp_path / "home"
    name = f"GUI Ghost {uuid.uuid4().hex[:6]}"
    AccountStore(home / "config" / "accounts.json").add(Account(name, ghost.url, "", "ghost"))
    keyring.set_password("postdesk", name, ghost.key)
    try:
        path = seed_copy(tmp_path / "drafts")
        window = make_window(path, home=home)
        title_uniquely(window, "Trailer Park Tuesday on Ghost")
        result = publish_and_wait(qtbot, window)
        assert result is not None and result.created
        assert any(
            f"The post was created and saved as a draft on {name}." in m for m in dialogs.warnings
        )
        assert result.link in window.published_label.text()
        ghost_id = load_draft(path).publication_for(name).extra["ghost_post_id"]  # type: ignore[union-attr]
        post = ghost.api("GET", f"posts/{ghost_id}/")["posts"][0]
        assert post["title"] == window.form.post.title.text()
        assert post["feature_image"].startswith(ghost.url)
        assert not window.isWindowModified()
    finally:
        keyring.delete_password("postdesk", name)


def draft_with_a_stray_mention(folder: Path) -> Path:
    """The seed, with a title of its own and a mention of someone not in the cast."""
    path = seed_copy(folder)
    draft = load_draft(path)
    draft.post.title = f"Trailer Park Tuesday {uuid.uuid4().hex[:6]}"
    draft.film.synopsis += " With @[Nobody Here]."
    save_draft(draft, path)
    return path


def answer_warnings(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, choice: str
) -> list[PublishWarningsBox]:
    """Show the real warnings box and click ``choice`` in it, as the blogger would."""
    shown: list[PublishWarningsBox] = []

    def run(box: PublishWarningsBox) -> int:
        shown.append(box)

        def click() -> None:
            button = next(b for b in box.buttons() if b.text().replace("&", "") == choice)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, click)
        return QDialog.exec(box)

    monkeypatch.setattr(PublishWarningsBox, "exec", run)
    return shown


# The offscreen platform cannot size a native dialog's window; the dialog works all the same.
DIALOG_ON_OFFSCREEN = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@DIALOG_ON_OFFSCREEN
def test_go_back_on_the_warnings_sends_nothing(
    qtbot: QtBot,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    wordpress: WordPressSite,
    blog_account: tuple[Path, str],
    tmp_path: Path,
) -> None:
    home, _ = blog_account
    path = draft_with_a_stray_mention(tmp_path / "drafts")
    before = path.read_bytes()
    window = make_window(path, home=home)
    shown = answer_warnings(qtbot, monkeypatch, "Go back")
    click_publish(qtbot, window)
    assert len(shown) == 1
    box = shown[0]
    assert box.defaultButton() is box.back_button  # Enter goes back
    assert "@[Nobody Here]" in box.informativeText() and "not in the cast" in box.informativeText()
    assert window.publishing.task is None and window.publishing.last_result is None
    title = load_draft(path).post.title
    assert wordpress.api("GET", "wp/v2/posts", params={"search": title, "status": "any"}) == []
    assert path.read_bytes() == before


@DIALOG_ON_OFFSCREEN
def test_publish_anyway_on_the_warnings_publishes(
    qtbot: QtBot,
    make_window: WindowFactory,
    monkeypatch: pytest.MonkeyPatch,
    wordpress: WordPressSite,
    blog_account: tuple[Path, str],
    tmp_path: Path,
) -> None:
    home, name = blog_account
    path = draft_with_a_stray_mention(tmp_path / "drafts")
    window = make_window(path, home=home)
    shown = answer_warnings(qtbot, monkeypatch, "Publish anyway")
    result = publish_and_wait(qtbot, window)
    assert len(shown) == 1 and result is not None and result.created
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})
    assert post["title"]["raw"] == load_draft(path).post.title
    assert load_draft(path).publication_for(name).post_id == result.post_id  # type: ignore[union-attr]
