"""Publishing to a real WordPress on 127.0.0.1, as the blogger's one click does it."""

from __future__ import annotations

import datetime as dt
import html
import uuid
from pathlib import Path

import pytest
import requests

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.drafts.model import Draft
from postdesk.core.publish.steps import PublishStep
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConflictError,
    PermissionDeniedError,
)
from postdesk.core.publish.wordpress.transport import build_session
from postdesk.core.render.rendering import render
from tests.publishing import publish_and_keep
from tests.services import WordPressSite

pytestmark = pytest.mark.wordpress


def publish(site: WordPressSite, path: Path, role: str = "admin", **kwargs: object) -> object:
    return publish_and_keep(
        load_draft(path),
        path,
        site.account(role),
        site.password(role),
        **kwargs,  # type: ignore[arg-type]
    )


def posts_titled(site: WordPressSite, title: str) -> list[dict[str, object]]:
    found = site.api(
        "GET", "wp/v2/posts", params={"search": title, "status": "any", "context": "edit"}
    )
    return [p for p in found if p["title"]["raw"] == title]


def test_publish_creates_a_post_with_blocks_poster_and_terms(
    wordpress: WordPressSite, seed: Path
) -> None:
    steps: list[PublishStep] = []
    result = publish(wordpress, seed, progress=steps.append)
    draft = load_draft(seed)
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})  # type: ignore[attr-defined]
    assert post["status"] == "draft"
    assert post["title"]["raw"] == draft.post.title
    sent = render(draft, "blocks", draft_file=seed)
    assert post["content"]["raw"] == sent  # stored exactly as sent
    names = wordpress.parse_blocks(post["content"]["raw"])
    assert names == ["core/embed"] + ["core/paragraph"] * 4
    media = wordpress.api(
        "GET", f"wp/v2/media/{post['featured_media']}", params={"context": "edit"}
    )
    assert media["alt_text"] == "Poster for 1 Mile To You"
    assert media["mime_type"] == "image/jpeg"
    categories = [wordpress.api("GET", f"wp/v2/categories/{i}")["name"] for i in post["categories"]]
    tags = [wordpress.api("GET", f"wp/v2/tags/{i}")["name"] for i in post["tags"]]
    assert sorted(categories) == ["Movies", "Trailer Park Tuesday"]
    assert sorted(tags) == ["1 Mile To You", "drama", "trailer"]
    record = draft.publication_for("Test blog")
    assert record is not None and record.post_id == post["id"] and record.link == post["link"]
    assert steps[0] == PublishStep.CONNECTING and PublishStep.POSTER in steps
    assert steps[-1] == PublishStep.RECORDING


def test_publishing_again_updates_the_same_post(wordpress: WordPressSite, seed: Path) -> None:
    first = publish(wordpress, seed)
    draft = load_draft(seed)
    draft.post.question = "Changed my mind: will you see it this weekend?"
    save_draft(draft, seed)
    second = publish(wordpress, seed, status="publish")
    assert second.post_id == first.post_id and not second.created  # type: ignore[attr-defined]
    post = wordpress.api("GET", f"wp/v2/posts/{first.post_id}", params={"context": "edit"})  # type: ignore[attr-defined]
    assert post["status"] == "publish"
    assert "Changed my mind" in post["content"]["raw"]
    assert len(posts_titled(wordpress, draft.post.title)) == 1
    media = wordpress.api("GET", "wp/v2/media", params={"search": "poster", "per_page": 100})
    uploads = [m for m in media if m["id"] == post["featured_media"]]
    assert len(uploads) == 1  # the unchanged poster was not uploaded twice


def test_a_scheduled_post_is_future_at_its_date(wordpress: WordPressSite, seed: Path) -> None:
    draft = load_draft(seed)
    when = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).replace(microsecond=0, second=0)
    draft.post.status = "future"
    draft.post.publish_at = when
    save_draft(draft, seed)
    result = publish(wordpress, seed)
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})  # type: ignore[attr-defined]
    assert post["status"] == "future"
    assert post["date_gmt"] == when.strftime("%Y-%m-%dT%H:%M:%S")


def test_existing_terms_are_reused_and_new_ones_created(
    wordpress: WordPressSite, seed: Path
) -> None:
    existing = wordpress.api(
        "POST", "wp/v2/categories", json={"name": f"Reviews & More {seed.parent.name[-6:]}"}
    )
    draft = load_draft(seed)
    draft.post.categories = [existing["name"].replace("&amp;", "&"), "Brand New Category"]
    draft.post.tags = ["brand-new-tag", "BRAND-NEW-TAG"]
    save_draft(draft, seed)
    result = publish(wordpress, seed)
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}")  # type: ignore[attr-defined]
    assert existing["id"] in post["categories"] and len(post["categories"]) == 2
    assert len(post["tags"]) == 1


def test_a_wrong_password_names_the_account_and_leaves_the_draft(
    wordpress: WordPressSite, seed: Path
) -> None:
    before = seed.read_bytes()
    with pytest.raises(AuthenticationError) as caught:
        publish_and_keep(
            load_draft(seed), seed, wordpress.account(), "abcd efgh ijkl mnop qrst uvwx"
        )
    assert str(caught.value).startswith(
        "Test blog: the blog refused the user name or application password"
    )
    assert "abcd" not in str(caught.value)
    assert seed.read_bytes() == before


def test_a_contributor_cannot_publish_and_is_told_so(wordpress: WordPressSite, seed: Path) -> None:
    before = seed.read_bytes()
    with pytest.raises(PermissionDeniedError, match="not allowed to upload the poster"):
        publish(wordpress, seed, role="contributor", status="publish")
    draft = load_draft(seed)
    draft.film.poster = None
    save_draft(draft, seed)
    before = seed.read_bytes()
    with pytest.raises(PermissionDeniedError, match="not allowed to"):
        publish(wordpress, seed, role="contributor", status="publish")
    assert seed.read_bytes() == before


def test_a_change_made_on_the_blog_is_not_overwritten_silently(
    wordpress: WordPressSite, seed: Path
) -> None:
    first = publish(wordpress, seed)
    post_id = first.post_id  # type: ignore[attr-defined]
    wordpress.api(
        "POST",
        f"wp/v2/posts/{post_id}",
        json={"content": "<!-- wp:paragraph --><p>Edited on the blog</p><!-- /wp:paragraph -->"},
    )
    before = seed.read_bytes()
    with pytest.raises(ConflictError, match="was changed on the blog"):
        publish(wordpress, seed)
    assert seed.read_bytes() == before
    again = publish(wordpress, seed, overwrite=True)
    assert again.post_id == post_id  # type: ignore[attr-defined]
    post = wordpress.api("GET", f"wp/v2/posts/{post_id}", params={"context": "edit"})
    assert "Edited on the blog" not in post["content"]["raw"]


class DropsTheCreateAnswer(requests.adapters.HTTPAdapter):
    """Sends the create for real, then loses the answer, as a dropped connection would."""

    def __init__(self) -> None:
        super().__init__()
        self.dropped = 0

    def send(self, request: requests.PreparedRequest, **kwargs: object) -> requests.Response:  # type: ignore[override]
        response = super().send(request, **kwargs)  # type: ignore[arg-type]
        is_create = request.method == "POST" and (request.url or "").rstrip("/").endswith(
            "/wp/v2/posts"
        )
        if is_create and not self.dropped:
            self.dropped += 1
            raise requests.ReadTimeout("the answer never arrived")
        return response


def test_a_retry_after_a_dropped_answer_makes_no_duplicate(
    wordpress: WordPressSite, seed: Path
) -> None:
    session = build_session()
    adapter = DropsTheCreateAnswer()
    session.mount("http://", adapter)
    client = WordPressClient(wordpress.account(), wordpress.password(), session=session)
    draft: Draft = load_draft(seed)
    result = publish_and_keep(draft, seed, wordpress.account(), wordpress.password(), client=client)
    assert adapter.dropped == 1
    assert len(posts_titled(wordpress, draft.post.title)) == 1
    assert load_draft(seed).publication_for("Test blog").post_id == result.post_id  # type: ignore[union-attr]


def test_a_failed_publish_can_be_retried_without_a_second_post(
    wordpress: WordPressSite, seed: Path
) -> None:
    """The post arrived but the draft never learnt of it (the app was closed): publish again."""
    draft = load_draft(seed)
    before = seed.read_bytes()
    first = publish(wordpress, seed)
    seed.write_bytes(before)  # as if the app had died before recording the publication
    second = publish(wordpress, seed)
    assert second.post_id == first.post_id  # type: ignore[attr-defined]
    assert len(posts_titled(wordpress, draft.post.title)) == 1


def _counted_client(site: WordPressSite) -> tuple[WordPressClient, list[str]]:
    sent: list[str] = []
    session = build_session()
    session.hooks["response"].append(
        lambda response, *args, **kwargs: sent.append(f"{response.request.method} {response.url}")
    )
    return WordPressClient(site.account("admin"), site.password("admin"), session=session), sent


def test_publishing_the_seed_takes_ten_requests_or_fewer(
    wordpress: WordPressSite, seed: Path
) -> None:
    client, sent = _counted_client(wordpress)
    result = publish(wordpress, seed, client=client)
    assert len(sent) <= 10, "\n".join(sent)
    # Each taxonomy is looked up once, whatever the number of its terms.
    assert sum("wp/v2/tags" in line and line.startswith("GET") for line in sent) == 1
    assert sum("wp/v2/categories" in line and line.startswith("GET") for line in sent) == 1
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})  # type: ignore[attr-defined]
    tags = [wordpress.api("GET", f"wp/v2/tags/{i}")["name"] for i in post["tags"]]
    assert sorted(tags) == ["1 Mile To You", "drama", "trailer"]


def test_terms_spelled_like_existing_ones_are_reused_not_duplicated(
    wordpress: WordPressSite, seed: Path
) -> None:
    unique = uuid.uuid4().hex[:6]
    existing = wordpress.api("POST", "wp/v2/tags", json={"name": f"Rock & Roll {unique}"})
    draft = load_draft(seed)
    draft.post.tags = [f"rock & roll {unique}", f"Brand New Tag {unique}"]
    save_draft(draft, seed)
    result = publish(wordpress, seed)
    post = wordpress.api("GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"})  # type: ignore[attr-defined]
    assert existing["id"] in post["tags"]
    names = sorted(
        html.unescape(wordpress.api("GET", f"wp/v2/tags/{i}")["name"]) for i in post["tags"]
    )
    assert names == [f"Brand New Tag {unique}", f"Rock & Roll {unique}"]
    same = wordpress.api("GET", "wp/v2/tags", params={"search": unique, "per_page": 100})
    assert len(same) == 2  # the existing tag and the new one: no second “Rock & Roll”
