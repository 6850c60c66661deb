"""The tagline reaches the real WordPress as the post's excerpt (shown in lists and feeds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft, save_draft
from tests.publishing import publish_and_keep
from tests.services import WordPressSite

pytestmark = pytest.mark.wordpress


def excerpt_on_blog(site: WordPressSite, path: Path) -> str:
    draft = load_draft(path)
    record = draft.publication_for("Test blog")
    assert record is not None
    post = site.api("GET", f"wp/v2/posts/{record.post_id}", params={"context": "edit"})
    return str(post["excerpt"]["raw"])


def publish(site: WordPressSite, path: Path, overwrite: bool = False) -> None:
    publish_and_keep(
        load_draft(path), path, site.account("admin"), site.password("admin"), overwrite=overwrite
    )


def test_the_tagline_is_the_excerpt_and_follows_an_edit(
    wordpress: WordPressSite, seed: Path
) -> None:
    publish(wordpress, seed)
    assert excerpt_on_blog(wordpress, seed) == "Some memories are worth running for."
    draft = load_draft(seed)
    draft.film.tagline = "One mile, one memory."
    save_draft(draft, seed)
    publish(wordpress, seed)
    assert excerpt_on_blog(wordpress, seed) == "One mile, one memory."


def test_without_a_tagline_the_excerpt_written_on_the_blog_stays(
    wordpress: WordPressSite, seed: Path
) -> None:
    draft = load_draft(seed)
    draft.film.tagline = None
    save_draft(draft, seed)
    publish(wordpress, seed)
    record = load_draft(seed).publication_for("Test blog")
    assert record is not None
    route = f"wp/v2/posts/{record.post_id}"
    assert excerpt_on_blog(wordpress, seed) == ""
    wordpress.api("POST", route, json={"excerpt": "My own words."})
    publish(wordpress, seed, overwrite=True)
    assert excerpt_on_blog(wordpress, seed) == "My own words."
