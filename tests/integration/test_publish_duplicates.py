"""No second post or poster, whatever the network does: the real WordPress behind a faulty proxy."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.publish.journal import UnconfirmedPostError, journal_path
from postdesk.core.publish.results import PublishResult
from postdesk.core.publish.slugs import slugify
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.errors import ConflictError, WordPressError
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.fault_proxy import FaultProxy
from tests.publishing import publish_and_keep
from tests.services import WordPressSite

pytestmark = pytest.mark.wordpress

CREATE = "/wp/v2/posts"
UPLOAD = "/wp/v2/media"
LOOK_UP_FAILS = 4  # the first try and the transport's three retries


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The seed draft with a title and a poster (same picture, own bytes) of its own."""
    marker = uuid.uuid4().hex[:8]
    poster = tmp_path / "1-mile-to-you.jpg"
    poster.write_bytes((EXAMPLES / "1-mile-to-you.jpg").read_bytes() + marker.encode())
    path = tmp_path / "seed.postdesk"
    draft = load_draft(SEED_DRAFT)
    draft.post.title = f"Duplicates, 1 Mile To You {marker}"
    save_draft(draft, path)
    return path


@pytest.fixture
def proxy(wordpress: WordPressSite) -> Iterator[FaultProxy]:
    with FaultProxy(wordpress.url) as running:
        yield running


def publish_through(proxy: FaultProxy, site: WordPressSite, path: Path) -> PublishResult:
    """Publish as the app does, through the proxy, with a client that waits one second."""
    account = site.account()
    account = type(account)(account.name, proxy.url, account.username)
    client = WordPressClient(account, site.password(), timeout=(5.0, 1.0))
    return publish_and_keep(load_draft(path), path, account, site.password(), client=client)


def posts_with_slug_prefix(site: WordPressSite, slug: str) -> list[dict[str, object]]:
    """Every post whose slug is ``slug`` or WordPress's ``slug-2``…, in any status."""
    found = site.api(
        "GET",
        "wp/v2/posts",
        params={"search": slug.rsplit("-", 1)[-1], "status": "any", "context": "edit"},
    )
    return [p for p in found if str(p["slug"]).startswith(slug)]


def media_of(site: WordPressSite, path: Path) -> list[dict[str, object]]:
    """The media items uploaded from this draft's poster (its file name names the title)."""
    prefix = slugify(load_draft(path).post.title).split("-")[-1]
    found = site.api("GET", "wp/v2/media", params={"per_page": 100, "context": "edit"})
    return [m for m in found if prefix in str(m["source_url"])]


def test_a_create_processed_after_the_time_out_makes_one_post(
    wordpress: WordPressSite, proxy: FaultProxy, seed: Path
) -> None:
    slug = slugify(load_draft(seed).post.title)
    slow = proxy.add("POST", CREATE, "hold_request")
    with pytest.raises(UnconfirmedPostError) as first:
        publish_through(proxy, wordpress, seed)
    assert "did not answer in time" in str(first.value)
    assert "may already be on the blog" in str(first.value)
    assert "again will find it there and not make a second one" in str(first.value)
    with pytest.raises(UnconfirmedPostError, match="may still arrive"):
        publish_through(proxy, wordpress, seed)  # still on its way: nothing is created
    draft = load_draft(seed)
    draft.post.title += " (typo fixed)"  # the blogger edits the title meanwhile
    save_draft(draft, seed)
    slow.released.set()
    assert slow.landed.wait(60)
    result = publish_through(proxy, wordpress, seed)
    posts = posts_with_slug_prefix(wordpress, slug)
    assert [p["id"] for p in posts] == [result.post_id]
    assert posts[0]["slug"] == slug and str(posts[0]["title"]["raw"]).endswith("(typo fixed)")  # type: ignore[index]
    assert load_draft(seed).publication_for("Test blog").post_id == result.post_id  # type: ignore[union-attr]
    assert not journal_path(seed).exists()


def test_a_lost_answer_then_a_post_made_private_is_found(
    wordpress: WordPressSite, proxy: FaultProxy, seed: Path
) -> None:
    slug = slugify(load_draft(seed).post.title)
    slow = proxy.add("POST", CREATE, "hold_answer")
    proxy.add("GET", f"slug={slug}", "reset", times=LOOK_UP_FAILS, after=slow)
    with pytest.raises(UnconfirmedPostError, match="may already be on the blog"):
        publish_through(proxy, wordpress, seed)  # the look-up after the time-out fails too
    assert slow.landed.wait(60)
    post_id = posts_with_slug_prefix(wordpress, slug)[0]["id"]
    wordpress.api("POST", f"wp/v2/posts/{post_id}", json={"status": "private"})
    result = publish_through(proxy, wordpress, seed)
    assert result.post_id == post_id
    assert len(posts_with_slug_prefix(wordpress, slug)) == 1


def test_a_reset_after_the_create_makes_one_post(
    wordpress: WordPressSite, proxy: FaultProxy, seed: Path
) -> None:
    slug = slugify(load_draft(seed).post.title)
    proxy.add("POST", CREATE, "reset")
    result = publish_through(proxy, wordpress, seed)
    assert [p["id"] for p in posts_with_slug_prefix(wordpress, slug)] == [result.post_id]


def test_after_the_wait_a_create_that_never_arrived_is_sent_with_the_journal_slug(
    wordpress: WordPressSite, proxy: FaultProxy, seed: Path
) -> None:
    """The app was killed as it sent the create, which never reached the blog."""
    journal = {
        "pending": [
            {
                "account": "Test blog",
                "slug": f"never-arrived-{uuid.uuid4().hex[:8]}",
                "title": "An older title",
                "started": (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat(),
            }
        ]
    }
    journal_path(seed).write_text(json.dumps(journal))
    result = publish_through(proxy, wordpress, seed)
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})
    assert post["slug"] == journal["pending"][0]["slug"]
    assert post["title"]["raw"] == load_draft(seed).post.title
    assert not journal_path(seed).exists()


def test_a_poster_upload_whose_answer_was_lost_is_not_uploaded_again(
    wordpress: WordPressSite, proxy: FaultProxy, seed: Path
) -> None:
    lost = proxy.add("POST", UPLOAD, "drop")
    result = publish_through(proxy, wordpress, seed)
    assert lost.landed.is_set()
    media = media_of(wordpress, seed)
    assert len(media) == 1
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})
    assert post["featured_media"] == media[0]["id"]


def test_a_poster_whose_upload_answer_was_lost_is_found_by_the_next_publish(
    wordpress: WordPressSite, proxy: FaultProxy, seed: Path
) -> None:
    lost = proxy.add("POST", UPLOAD, "drop")
    proxy.add("GET", UPLOAD, "reset", times=LOOK_UP_FAILS, after=lost)  # the look-up fails too
    with pytest.raises(WordPressError, match="look up media"):
        publish_through(proxy, wordpress, seed)
    publish_through(proxy, wordpress, seed)
    assert len(media_of(wordpress, seed)) == 1


@pytest.mark.parametrize("field", ["title", "tags"])
def test_an_edit_on_the_blog_within_the_same_second_is_a_conflict(
    wordpress: WordPressSite, seed: Path, field: str
) -> None:
    first = publish_and_keep(load_draft(seed), seed, wordpress.account(), wordpress.password())
    route = f"wp/v2/posts/{first.post_id}"
    change = {"title": "Retitled on the blog"} if field == "title" else {"tags": []}
    edited = wordpress.api("POST", route, params={"context": "edit"}, json=change)
    # The edit landed within postdesk's second: the blog's modified_gmt did not move.
    draft = load_draft(seed)
    record = draft.publication_for("Test blog")
    assert record is not None
    record.modified_gmt = edited["modified_gmt"]
    save_draft(draft, seed)
    with pytest.raises(ConflictError, match="was changed on the blog"):
        publish_and_keep(load_draft(seed), seed, wordpress.account(), wordpress.password())
    post = wordpress.api("GET", route, params={"context": "edit"})
    assert post["title"]["raw"] == edited["title"]["raw"] and post["tags"] == edited["tags"]


def test_a_draft_published_before_the_fields_hash_still_updates(
    wordpress: WordPressSite, seed: Path
) -> None:
    """A record written by an older postdesk has no fields hash: no false conflict."""
    first = publish_and_keep(load_draft(seed), seed, wordpress.account(), wordpress.password())
    draft = load_draft(seed)
    record = draft.publication_for("Test blog")
    assert record is not None
    record.extra.pop("fields_hash")
    save_draft(draft, seed)
    again = publish_and_keep(load_draft(seed), seed, wordpress.account(), wordpress.password())
    assert again.post_id == first.post_id and not again.created
