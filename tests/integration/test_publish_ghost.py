"""Publishing to a real Ghost on 127.0.0.1, as the blogger's one click does it."""

from __future__ import annotations

import datetime as dt
import socket
import threading
import uuid
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.ghost.client import GhostClient, GhostPost
from postdesk.core.publish.ghost.engine import GHOST_ID
from postdesk.core.publish.ghost.errors import NotGhostError
from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConflictError,
    ConnectionFailedError,
    WordPressError,
)
from tests.publishing import publish_and_keep, publish_on_ghost
from tests.services import GhostSite, WordPressSite

pytestmark = pytest.mark.ghost

WRONG_SECRET = "ab" * 32


def publish(site: GhostSite, path: Path, **kwargs: Any) -> GhostPost:
    """Publish the draft file and record the publication in it, as the app does."""
    draft = load_draft(path)
    post, publication = publish_on_ghost(draft, path, site.account(), site.key, **kwargs)
    draft.record_publication(publication)
    save_draft(draft, path)
    return post


def as_reader_sees(site: GhostSite, post_id: str) -> dict[str, Any]:
    found = site.api("GET", f"posts/{post_id}/?formats=html,lexical&include=tags")
    return dict(found["posts"][0])


def posts_titled(site: GhostSite, title: str) -> list[dict[str, Any]]:
    found = site.api("GET", "posts/?limit=all&filter=status:[draft,published,scheduled]")
    return [p for p in found["posts"] if p["title"] == title]


def test_publish_creates_a_post_with_html_poster_tags_excerpt_and_json_ld(
    ghost: GhostSite, seed: Path
) -> None:
    post = publish(ghost, seed)
    seen = as_reader_sees(ghost, post.id)
    draft = load_draft(seed)
    assert seen["title"] == draft.post.title
    assert seen["status"] == "draft"
    assert "Graham Rogers" in seen["html"]  # the synopsis' cast mention, as readers see it
    assert [t["name"] for t in seen["tags"]] == [
        "Movies", "Trailer Park Tuesday", "trailer", "drama", "1 Mile To You",
    ]  # fmt: skip
    assert seen["custom_excerpt"] == "Some memories are worth running for."
    assert '"@type": "Movie"' in seen["codeinjection_head"]
    assert seen["feature_image"].startswith(ghost.url + "/content/images/")
    assert seen["feature_image_alt"] == f"Poster for {draft.film.title}"
    image = requests.get(seen["feature_image"], timeout=30)
    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/jpeg"  # Ghost re-encodes: not byte-equal
    assert load_draft(seed).publication_for("Test Ghost").extra[GHOST_ID] == post.id


def test_publishing_again_updates_the_same_post_without_uploading_the_poster_twice(
    ghost: GhostSite, seed: Path
) -> None:
    first = publish(ghost, seed)
    draft = load_draft(seed)
    draft.film.tagline = "A new tagline, written after the first publish."
    save_draft(draft, seed)
    second = publish(ghost, seed)
    assert second.id == first.id
    assert second.feature_image == first.feature_image
    assert as_reader_sees(ghost, first.id)["custom_excerpt"] == draft.film.tagline
    assert len(posts_titled(ghost, draft.post.title)) == 1


def test_publish_now_and_schedule(ghost: GhostSite, seed: Path) -> None:
    draft = load_draft(seed)
    when = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).replace(microsecond=0, second=0)
    draft.post.status = "future"
    draft.post.publish_at = when
    save_draft(draft, seed)
    scheduled = as_reader_sees(ghost, publish(ghost, seed).id)
    assert scheduled["status"] == "scheduled"
    assert dt.datetime.fromisoformat(scheduled["published_at"]) == when
    live = publish(ghost, seed, status="publish")
    assert as_reader_sees(ghost, live.id)["status"] == "published"
    assert requests.get(live.url, timeout=30).status_code == 200


def test_an_existing_tag_is_reused_and_a_new_one_created(ghost: GhostSite, seed: Path) -> None:
    name = f"Existing {uuid.uuid4().hex[:6]}"
    existing = ghost.api("POST", "tags/", json={"tags": [{"name": name}]})["tags"][0]
    draft = load_draft(seed)
    fresh = f"Brand new {uuid.uuid4().hex[:6]}"
    draft.post.tags = [name, fresh]
    save_draft(draft, seed)
    tags = {t["name"]: t["id"] for t in as_reader_sees(ghost, publish(ghost, seed).id)["tags"]}
    assert tags[name] == existing["id"]
    assert fresh in tags
    same_name = ghost.api("GET", f"tags/?limit=all&filter=name:'{name}'")["tags"]
    assert len(same_name) == 1


def test_a_wrong_key_is_refused_in_the_bloggers_words(ghost: GhostSite, seed: Path) -> None:
    key_id = ghost.key.split(":")[0]
    wrong = f"{key_id}:{WRONG_SECRET}"
    with pytest.raises(AuthenticationError) as refused:
        publish_on_ghost(load_draft(seed), seed, ghost.account(), wrong)
    assert "refused the Admin API key" in str(refused.value)
    assert WRONG_SECRET not in str(refused.value)
    assert load_draft(seed).publications == []


def test_a_key_of_a_deleted_integration_is_named(ghost: GhostSite, seed: Path) -> None:
    unknown = f"{'0' * 23}1:{WRONG_SECRET}"
    with pytest.raises(AuthenticationError) as refused:
        publish_on_ghost(load_draft(seed), seed, ghost.account(), unknown)
    assert "was its integration deleted?" in str(refused.value)


def test_a_key_not_in_ghosts_form_is_refused_before_any_request(
    ghost: GhostSite, seed: Path
) -> None:
    with pytest.raises(AuthenticationError) as refused:
        GhostClient(ghost.account(), "my-wordpress-password")
    assert "my-wordpress-password" not in str(refused.value)
    assert "Settings → Integrations" in str(refused.value)


def test_a_wordpress_site_is_not_taken_for_ghost(
    ghost: GhostSite, wordpress: WordPressSite, seed: Path
) -> None:
    account = Account("Not Ghost", wordpress.url, "")
    with pytest.raises(NotGhostError) as refused:
        publish_on_ghost(load_draft(seed), seed, account, ghost.key)
    assert "is not a Ghost site" in str(refused.value) or "no Ghost Admin API" in str(refused.value)


def test_no_network_is_said_plainly(ghost: GhostSite, seed: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    account = Account("Offline", f"http://127.0.0.1:{closed}", "")
    with pytest.raises(ConnectionFailedError) as failed:
        publish_on_ghost(load_draft(seed), seed, account, ghost.key)
    assert "could not reach" in str(failed.value)


def test_a_validation_error_is_shown_as_ghost_wrote_it(ghost: GhostSite, seed: Path) -> None:
    draft = load_draft(seed)
    draft.post.title = "Long " * 80
    save_draft(draft, seed)
    with pytest.raises(WordPressError) as refused:
        publish(ghost, seed)
    assert "Ghost says: “Validation error, cannot save post." in str(refused.value)
    assert "posts.title" in str(refused.value)


def test_an_edit_on_the_blog_is_a_conflict_then_overwritten_on_request(
    ghost: GhostSite, seed: Path
) -> None:
    post = publish(ghost, seed)
    current = as_reader_sees(ghost, post.id)
    edited = {"title": "Edited on the blog", "updated_at": current["updated_at"]}
    ghost.api("PUT", f"posts/{post.id}/", json={"posts": [edited]})
    with pytest.raises(ConflictError) as conflict:
        publish(ghost, seed)
    assert "Edited on the blog" in str(conflict.value)
    assert as_reader_sees(ghost, post.id)["title"] == "Edited on the blog"
    publish(ghost, seed, overwrite=True)
    assert as_reader_sees(ghost, post.id)["title"] == load_draft(seed).post.title


class _DroppingProxy(BaseHTTPRequestHandler):
    """Forwards to Ghost; drops the answer of the first post create (it did arrive)."""

    upstream = ""
    target = ""
    dropped = 0
    creates = 0

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
        answer = requests.request(
            self.command, self.upstream + self.path, headers=headers, data=body, timeout=60
        )
        if self.command == "POST" and self.path.startswith("/ghost/api/admin/posts/"):
            type(self).creates += 1
            if type(self).dropped == 0:
                type(self).dropped = 1
                self.close_connection = True
                return  # the post exists now; its answer never reaches the client
        self.send_response(answer.status_code)
        for name, value in answer.headers.items():
            hop = {"content-encoding", "transfer-encoding", "connection", "keep-alive"}
            if name.lower() not in hop:
                self.send_header(name, value)
        self.send_header("Connection", "close")  # one request per connection, as HTTP/1.0
        self.send_header("Content-Length", str(len(answer.content)))
        self.end_headers()
        self.wfile.write(answer.content)

    do_GET = do_POST = do_PUT = _forward  # noqa: N815 (http.server names)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def dropping_proxy(ghost: GhostSite) -> Iterator[type[_DroppingProxy]]:
    handler = type("Proxy", (_DroppingProxy,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    handler.target = f"http://127.0.0.1:{server.server_address[1]}"  # seen by the test
    handler.upstream = ghost.url
    yield handler
    server.shutdown()
    server.server_close()


def test_a_retry_after_a_dropped_answer_makes_no_duplicate(
    ghost: GhostSite, dropping_proxy: type[_DroppingProxy], seed: Path
) -> None:
    draft = load_draft(seed)
    account = Account("Test Ghost", dropping_proxy.target, "")
    post, _ = publish_on_ghost(draft, seed, account, ghost.key)
    assert dropping_proxy.dropped == 1
    assert len(posts_titled(ghost, draft.post.title)) == 1
    assert as_reader_sees(ghost, post.id)["title"] == draft.post.title


def test_one_draft_on_wordpress_and_ghost_keeps_both_records(
    ghost: GhostSite, wordpress: WordPressSite, seed: Path
) -> None:
    wp = publish_and_keep(load_draft(seed), seed, wordpress.account(), wordpress.password())
    post = publish(ghost, seed)
    draft = load_draft(seed)
    assert {p.account for p in draft.publications} == {"Test blog", "Test Ghost"}
    assert draft.publication_for("Test blog").post_id == wp.post_id  # type: ignore[union-attr]
    again = publish_and_keep(draft, seed, wordpress.account(), wordpress.password())
    assert again.post_id == wp.post_id
    assert load_draft(seed).publication_for("Test Ghost").extra[GHOST_ID] == post.id  # type: ignore[union-attr]


def test_the_one_publish_call_routes_to_ghost_with_its_steps(ghost: GhostSite, seed: Path) -> None:
    from postdesk.core.publish.flow import publish_draft as publish_anywhere
    from postdesk.core.publish.records import keep_publication
    from postdesk.core.publish.steps import PublishStep

    steps: list[PublishStep] = []
    draft = load_draft(seed)
    result = publish_anywhere(draft, seed, ghost.account(), ghost.key, progress=steps.append)
    assert load_draft(seed).publication_for(ghost.account().name) is None  # the caller records
    keep_publication(draft, seed, result)
    assert steps[0] == PublishStep.CONNECTING and PublishStep.SENDING in steps
    title = load_draft(seed).post.title
    assert [p["url"] for p in posts_titled(ghost, title)] == [result.link]
    assert load_draft(seed).publication_for(ghost.account().name) is not None


def test_cancelling_a_ghost_publish_sends_no_post(ghost: GhostSite, seed: Path) -> None:
    from postdesk.core.publish.flow import publish_draft as publish_anywhere
    from postdesk.core.publish.results import PublishCancelledError

    before = seed.read_bytes()
    with pytest.raises(PublishCancelledError, match="no post was sent"):
        publish_anywhere(load_draft(seed), seed, ghost.account(), ghost.key, cancelled=lambda: True)
    assert posts_titled(ghost, load_draft(seed).post.title) == []
    assert seed.read_bytes() == before
