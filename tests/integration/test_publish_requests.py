"""How many requests a publish costs on the real WordPress, counted at the HTTP session."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import requests

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.transport import build_session
from tests.publishing import publish_and_keep
from tests.services import WordPressSite

pytestmark = pytest.mark.wordpress


def publish_counting(site: WordPressSite, path: Path) -> list[str]:
    """Publish ``path`` and record it; return each request as "METHOD route"."""
    sent: list[requests.PreparedRequest] = []
    session = build_session()
    session.hooks["response"].append(lambda response, *a, **k: sent.append(response.request))
    client = WordPressClient(site.account(), site.password(), session=session)
    publish_and_keep(load_draft(path), path, site.account(), site.password(), client=client)
    return [f"{r.method} {(r.path_url or '').split('?')[0]}" for r in sent]


@pytest.fixture
def seed_with_new_terms(seed: Path) -> Path:
    """The seed with categories and tags the blog has never seen, as on a fresh blog."""
    draft = load_draft(seed)
    mark = uuid.uuid4().hex[:6]
    draft.post.categories = [f"{name} {mark}" for name in draft.post.categories]
    draft.post.tags = [f"{name} {mark}" for name in draft.post.tags]
    save_draft(draft, seed)
    return seed


def test_a_first_publish_of_the_seed_takes_at_most_ten_requests(
    wordpress: WordPressSite, seed_with_new_terms: Path
) -> None:
    draft = load_draft(seed_with_new_terms)
    assert draft.post.categories and len(draft.post.tags) >= 2 and draft.film.poster
    sent = publish_counting(wordpress, seed_with_new_terms)
    assert len(sent) <= 10, sent
    assert sum(1 for r in sent if r.endswith("/wp/v2/media")) == 1  # the upload, no look-up
    assert sum(1 for r in sent if r.startswith("GET") and "categories" in r) == 1
    assert sum(1 for r in sent if r.startswith("GET") and "tags" in r) == 1
    terms = wordpress.api("GET", "wp/v2/tags", params={"search": draft.post.tags[0]})
    assert [t["name"] for t in terms] == [draft.post.tags[0]]  # created, once


def test_publishing_again_unchanged_takes_three_requests(
    wordpress: WordPressSite, seed: Path
) -> None:
    publish_counting(wordpress, seed)
    sent = publish_counting(wordpress, seed)
    assert [r.split(" ")[0] for r in sent] == ["GET", "GET", "PUT"], sent  # site, post, update


def test_publishing_again_with_a_new_tag_looks_the_terms_up(
    wordpress: WordPressSite, seed: Path
) -> None:
    first = publish_counting(wordpress, seed)
    draft = load_draft(seed)
    draft.post.tags.append(f"new tag {uuid.uuid4().hex[:6]}")
    save_draft(draft, seed)
    sent = publish_counting(wordpress, seed)
    assert len(sent) <= len(first)
    assert any(r.startswith("GET") and "tags" in r for r in sent)
    post_id = load_draft(seed).publications[0].post_id
    post = wordpress.api("GET", f"wp/v2/posts/{post_id}", params={"context": "edit"})
    tags = wordpress.api("GET", "wp/v2/tags", params={"include": ",".join(map(str, post["tags"]))})
    assert draft.post.tags[-1] in [t["name"] for t in tags]
