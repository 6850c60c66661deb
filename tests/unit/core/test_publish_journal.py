"""The publish journal and lock on their own: what the blogger meets when they go wrong."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.drafts.model import Publication
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.journal import Journal, journal_path
from postdesk.core.publish.locks import publish_lock
from postdesk.core.publish.records import keep_publication, one_publish_at_a_time
from postdesk.core.publish.results import PublishCancelledError, PublishError, PublishResult
from tests.conftest import SEED_DRAFT
from tests.publishing import publish_and_keep


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.postdesk"
    shutil.copy(SEED_DRAFT, path)
    return path


def test_an_entry_lives_beside_the_draft_until_cleared(seed: Path) -> None:
    journal = Journal(seed)
    entry = journal.begin("Blog", "my-post", "My post")
    assert journal_path(seed) == seed.parent / ".seed.postdesk.publishing"
    assert Journal(seed).pending("Blog") == entry and Journal(seed).pending("Other") is None
    assert not entry.settled()
    journal.clear("Blog")
    assert not journal_path(seed).exists()


def test_a_symlinked_draft_shares_its_targets_journal(seed: Path, tmp_path: Path) -> None:
    link = tmp_path / "elsewhere" / "link.postdesk"
    link.parent.mkdir()
    link.symlink_to(seed)
    Journal(link).begin("Blog", "my-post", "My post")
    assert Journal(seed).pending("Blog") is not None


def test_an_entry_for_a_create_that_failed_for_sure_is_settled(seed: Path) -> None:
    journal = Journal(seed)
    entry = journal.unanswered(journal.begin("Blog", "my-post", "My post"), False)
    assert entry.settled()
    later = journal.unanswered(entry, True)
    assert later.settles_at() > dt.datetime.now(dt.UTC) + dt.timedelta(minutes=4)


def test_a_damaged_journal_stops_the_publish_before_any_request(seed: Path) -> None:
    journal_path(seed).write_text("{not json")
    account = Account("Blog", "http://127.0.0.1:9", "me")
    with pytest.raises(PublishError, match=r"publish journal .* cannot be read"):
        publish_and_keep(load_draft(seed), seed, account, "pw", client=None)


@pytest.mark.parametrize(
    ("account", "secret"),
    [
        (Account("Blog", "http://127.0.0.1:9", "me"), "pw"),
        (Account("Ghost", "http://127.0.0.1:9", "", engine="ghost"), "key"),
    ],
    ids=["wordpress", "ghost"],
)
def test_a_publish_waiting_for_another_can_be_cancelled(
    seed: Path, account: Account, secret: str
) -> None:
    told: list[str] = []
    with (
        publish_lock(seed, account.name, waiting=lambda: None, cancelled=lambda: False),
        pytest.raises(PublishCancelledError, match="no post was sent"),
    ):
        publish_and_keep(
            load_draft(seed), seed, account, secret,
            progress=lambda step: told.append(step.value), cancelled=lambda: bool(told),
        )  # fmt: skip
    assert told == ["Waiting for another publish of this draft to this blog to finish"]


def test_another_account_is_not_held_up(seed: Path) -> None:
    with (
        publish_lock(seed, "Blog", waiting=lambda: None, cancelled=lambda: False),
        publish_lock(seed, "Other blog", waiting=pytest.fail, cancelled=lambda: False),
    ):
        pass


def _record(post_id: int, modified: str, recorded: str | None = None) -> Publication:
    extra = {"recorded_at": recorded} if recorded else {}
    return Publication("Blog", post_id, f"https://blog/{post_id}", modified, extra=extra)


def test_a_result_is_kept_until_the_draft_records_it(seed: Path) -> None:
    journal = Journal(seed)
    journal.begin("Blog", "my-post", "My post")
    journal.uploading("Blog", "sha256:abc")
    earlier = journal.published(_record(7, "2026-11-30T10:00:01"))
    later = journal.published(_record(7, "2026-11-30T09:00:00"))  # dates may go back
    notes = Journal(seed).notes_for("Blog")
    assert notes.pending is None and notes.posters == ()  # the result names post and poster
    assert notes.published == later
    journal.recorded(earlier)  # an earlier publish's caller saved last
    assert Journal(seed).notes_for("Blog").published == later
    journal.recorded(later)
    assert not journal_path(seed).exists()


def test_an_earlier_publish_saved_last_does_not_replace_the_later_record(seed: Path) -> None:
    later = _record(7, "2026-11-30T09:00:00", "2026-11-30T10:00:09.000001+00:00")
    draft = load_draft(seed)
    keep_publication(draft, seed, PublishResult("Blog", 7, later.link, "draft", False, later))
    earlier = _record(7, "2026-11-30T10:00:01", "2026-11-30T10:00:01.000001+00:00")
    stale = load_draft(SEED_DRAFT)
    stale.disk = None  # read before the later publish saved
    keep_publication(stale, seed, PublishResult("Blog", 7, earlier.link, "draft", True, earlier))
    assert load_draft(seed).publication_for("Blog") == later


def test_a_publish_starts_from_a_result_its_caller_has_not_saved_yet(seed: Path) -> None:
    noted = Journal(seed).published(_record(7, "2026-11-30T10:00:09"))
    draft = load_draft(seed)
    with one_publish_at_a_time(draft, seed, Account("Blog", "http://127.0.0.1:9", "me")):
        assert draft.publication_for("Blog") == noted
