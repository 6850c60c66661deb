"""The status bar says what the blog has: a draft, a scheduled post or a published one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.drafts.model import Publication
from postdesk.core.publish.outcome import when_phrase, with_outcome
from tests.services import WordPressSite
from tests.ui.conftest import Dialogs, WindowFactory, publish_and_wait, title_uniquely
from tests.ui.test_publish_gui import blog_account  # noqa: F401 - the fixture
from tests.ui.test_window import seed_copy

LINK = "https://blog.example/?p=7"
DECEMBER = dt.datetime(2026, 12, 1, 9, 0).astimezone()


def draft_recorded_as(folder: Path, status: str | None) -> Path:
    path = seed_copy(folder)
    draft = load_draft(path)
    draft.post.status = "future" if status == "future" else "draft"
    draft.post.publish_at = DECEMBER
    extra = with_outcome({}, status, DECEMBER) if status else {}
    draft.record_publication(Publication("My film blog", 7, LINK, extra=extra))
    save_draft(draft, path)
    return path


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("draft", "Saved as a draft on My film blog"),
        ("future", "Scheduled for Tuesday, December 1st, 9:00 on My film blog"),
        ("publish", "Published on My film blog"),
        ("pending", "Sent to My film blog for review"),
    ],
)
def test_the_status_bar_says_what_the_blog_has(
    make_window: WindowFactory, tmp_path: Path, status: str, words: str
) -> None:
    window = make_window(draft_recorded_as(tmp_path / "drafts", status))
    text = window.published_label.text()
    assert text.startswith(f"{words}: ")
    assert LINK in text
    assert "Published" not in text or status == "publish"


def test_a_draft_never_published_says_so(make_window: WindowFactory, tmp_path: Path) -> None:
    window = make_window(seed_copy(tmp_path / "drafts"))
    assert window.published_label.text() == "Not published yet"


@pytest.mark.wordpress
@pytest.mark.keyring
def test_scheduling_from_the_window_says_scheduled_not_published(
    qtbot: QtBot,
    make_window: WindowFactory,
    dialogs: Dialogs,
    wordpress: WordPressSite,
    blog_account: tuple[Path, str],  # noqa: F811 - the fixture
    tmp_path: Path,
) -> None:
    home, name = blog_account
    path = seed_copy(tmp_path / "drafts")
    window = make_window(path, home=home)
    title_uniquely(window)
    publish_and_wait(qtbot, window)
    assert window.published_label.text().startswith(f"Saved as a draft on {name}: ")
    when = (dt.datetime.now() + dt.timedelta(days=7)).replace(second=0, microsecond=0)
    window.form.post.status.setCurrentIndex(window.form.post.status.findData("future"))
    window.form.post.publish_at.setDateTime(when)
    window.publishing.last_result = None
    publish_and_wait(qtbot, window)
    scheduled = f"Scheduled for {when_phrase(when)} on {name}: "
    assert window.published_label.text().startswith(scheduled)
