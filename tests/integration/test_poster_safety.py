"""A draft cannot send a local file to the blog: its poster must be an image (real blogs)."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.ghost.client import GhostClient
from postdesk.core.publish.results import PublishError
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.errors import MediaRejectedError
from tests.hostile_posters import REASONS, hostile_draft, hostile_posters
from tests.publishing import publish_and_keep, publish_on_ghost
from tests.services import GhostSite, WordPressSite


def media_count(site: WordPressSite) -> int:
    """Every item in the media library, as the blog's administrator sees them."""
    auth = (site.user()["login"], site.password())
    answer = requests.get(
        f"{site.url}/wp-json/wp/v2/media", params={"per_page": 1, "context": "edit"},
        auth=auth, timeout=30,
    )  # fmt: skip
    answer.raise_for_status()
    return int(answer.headers["X-WP-Total"])


@pytest.mark.wordpress
def test_no_hostile_poster_reaches_wordpress(wordpress: WordPressSite, tmp_path: Path) -> None:
    posters = hostile_posters(tmp_path)
    before = media_count(wordpress)
    for case, poster in posters.items():
        draft_file = hostile_draft(tmp_path, poster)
        saved = draft_file.read_bytes()
        with pytest.raises(PublishError, match=REASONS[case]) as caught:
            publish_and_keep(
                load_draft(draft_file), draft_file, wordpress.account(), wordpress.password()
            )
        assert str(caught.value).startswith("film.poster: the file ")
        assert "nothing was sent to the blog" in str(caught.value)
        assert draft_file.read_bytes() == saved
    assert media_count(wordpress) == before


@pytest.mark.wordpress
def test_the_client_itself_never_uploads_a_file_that_is_not_an_image(
    wordpress: WordPressSite, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts" / "a" / "b"
    posters = hostile_posters(tmp_path)
    before = media_count(wordpress)
    client = WordPressClient(wordpress.account(), wordpress.password())
    for case, poster in posters.items():
        with pytest.raises(MediaRejectedError, match=REASONS[case]):
            client.upload_media(folder / poster, "poster.jpg", "alt", "title")
    assert media_count(wordpress) == before


@pytest.mark.ghost
def test_no_hostile_poster_reaches_ghost(ghost: GhostSite, tmp_path: Path) -> None:
    folder = tmp_path / "drafts" / "a" / "b"
    posters = hostile_posters(tmp_path)
    client = GhostClient(ghost.account(), ghost.key)
    for case, poster in posters.items():
        draft_file = hostile_draft(tmp_path, poster)
        draft = load_draft(draft_file)
        draft.post.title = f"Hostile poster {case}"
        with pytest.raises(PublishError, match=REASONS[case]):
            publish_on_ghost(draft, draft_file, ghost.account(), ghost.key, client=client)
        with pytest.raises(MediaRejectedError, match=REASONS[case]):
            client.upload_image(folder / poster, "poster.jpg")
    titles = [
        p["title"]
        for p in ghost.api("GET", "posts/?limit=all&filter=status:[draft,published]")["posts"]
    ]
    assert not [t for t in titles if t.startswith("Hostile poster")]
