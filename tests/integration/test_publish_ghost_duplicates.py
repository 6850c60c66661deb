"""No second Ghost post, whatever the network does or how many publishes run at once."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.fingerprints import content_hash_file, poster_slug
from postdesk.core.publish.ghost.client import GhostClient
from postdesk.core.publish.journal import UnconfirmedPostError, journal_path
from postdesk.core.publish.results import PublishResult
from postdesk.core.publish.slugs import slugify
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.fault_proxy import FaultProxy
from tests.publishing import publish_and_keep
from tests.services import GhostSite

pytestmark = pytest.mark.ghost


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """The seed draft without a poster, with a title no other test uses."""
    path = tmp_path / "seed.postdesk"
    draft = load_draft(SEED_DRAFT)
    draft.film.poster = None
    draft.post.title = f"Ghost duplicates {uuid.uuid4().hex[:8]}"
    save_draft(draft, path)
    return path


@pytest.fixture
def proxy(ghost: GhostSite) -> Iterator[FaultProxy]:
    with FaultProxy(ghost.url) as running:
        yield running


def posts_with_marker(site: GhostSite, title: str) -> list[dict[str, Any]]:
    marker = title.rsplit(" ", 1)[-1]
    found = site.api("GET", "posts/?limit=all&filter=status:[draft,published,scheduled]")
    return [p for p in found["posts"] if marker in p["slug"]]


def publish_through(proxy: FaultProxy, site: GhostSite, path: Path) -> PublishResult:
    account = Account("Test Ghost", proxy.url, "", engine="ghost")
    client = GhostClient(account, site.key, timeout=(5.0, 1.0))
    return publish_and_keep(load_draft(path), path, account, site.key, client=client)


def test_a_create_processed_after_the_time_out_makes_one_post(
    ghost: GhostSite, proxy: FaultProxy, seed: Path
) -> None:
    title = load_draft(seed).post.title
    slow = proxy.add("POST", "/admin/posts/", "hold_request")
    with pytest.raises(UnconfirmedPostError, match="may already be on the blog"):
        publish_through(proxy, ghost, seed)
    with pytest.raises(UnconfirmedPostError, match="may still arrive"):
        publish_through(proxy, ghost, seed)
    draft = load_draft(seed)
    draft.post.title += " (typo fixed)"
    save_draft(draft, seed)
    slow.released.set()
    assert slow.landed.wait(60)
    result = publish_through(proxy, ghost, seed)
    posts = posts_with_marker(ghost, title)
    assert len(posts) == 1 and posts[0]["slug"] == slugify(title)
    assert posts[0]["title"].endswith("(typo fixed)") and result.link == posts[0]["url"]
    assert not journal_path(seed).exists()


def test_three_publishes_at_once_make_one_post(ghost: GhostSite, seed: Path) -> None:
    title = load_draft(seed).post.title
    account = Account("Test Ghost", ghost.url, "", engine="ghost")
    results: list[PublishResult | BaseException] = []

    def run() -> None:
        try:
            results.append(publish_and_keep(load_draft(seed), seed, account, ghost.key))
        except BaseException as err:  # reported by the assertion below
            results.append(err)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(isinstance(r, PublishResult) for r in results), results
    assert len(posts_with_marker(ghost, title)) == 1
    assert sum(r.created for r in results if isinstance(r, PublishResult)) == 1


def poster_files(site: GhostSite, digest: str) -> list[Path]:
    """The site's stored copies of the poster with this content hash (not Ghost's originals)."""
    images = Path(site.info["state_dir"]) / "content" / "images"
    name = poster_slug(digest)
    return [p for p in images.rglob(f"{name}*") if not p.stem.endswith("_o")]


def test_a_poster_upload_whose_answer_was_lost_is_found_by_its_content(
    ghost: GhostSite, proxy: FaultProxy, seed: Path
) -> None:
    poster = seed.parent / "poster.jpg"
    data = (EXAMPLES / "1-mile-to-you.jpg").read_bytes()
    poster.write_bytes(data + uuid.uuid4().bytes)  # a poster no other test uploads
    draft = load_draft(seed)
    draft.film.poster = "poster.jpg"
    save_draft(draft, seed)
    lost = proxy.add("POST", "/images/upload/", "drop")
    result = publish_through(proxy, ghost, seed)
    assert lost.hit.is_set()
    stored = poster_files(ghost, content_hash_file(poster))
    assert len(stored) == 1  # one image, not two
    post = posts_with_marker(ghost, load_draft(seed).post.title)[0]
    assert post["feature_image"].endswith("/" + stored[0].name)
    assert result.link == post["url"]
    again = publish_through(proxy, ghost, seed)
    assert again.post_id == result.post_id
    assert len(poster_files(ghost, content_hash_file(poster))) == 1
