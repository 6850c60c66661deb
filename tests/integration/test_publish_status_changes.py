"""Moving one post between draft, scheduled and live on the real WordPress, by publishing again."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from postdesk.core.drafts.files import load_draft, save_draft
from tests.publishing import publish_and_keep, publish_on_ghost
from tests.services import GhostSite, WordPressSite

WP_DATE = "%Y-%m-%dT%H:%M:%S"


def in_days(days: int) -> dt.datetime:
    return (dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).replace(second=0, microsecond=0)


def publish_as(
    site: WordPressSite, path: Path, status: str, when: dt.datetime | None = None
) -> dict[str, Any]:
    """Choose ``status`` (and the date) in the draft, publish, and return the blog's post."""
    draft = load_draft(path)
    draft.post.status = status
    draft.post.publish_at = when
    save_draft(draft, path)
    result = publish_and_keep(load_draft(path), path, site.account(), site.password())
    post: dict[str, Any] = site.api(
        "GET", f"wp/v2/posts/{result.post_id}", params={"context": "edit"}
    )
    return post


@pytest.mark.wordpress
def test_draft_then_scheduled_then_published_right_away(
    wordpress: WordPressSite, seed: Path
) -> None:
    draft = publish_as(wordpress, seed, "draft")
    assert draft["status"] == "draft"
    december = in_days(5)
    scheduled = publish_as(wordpress, seed, "future", december)
    assert scheduled["id"] == draft["id"]
    assert scheduled["status"] == "future"
    assert scheduled["date_gmt"] == december.strftime(WP_DATE)
    before = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(seconds=1)
    live = publish_as(wordpress, seed, "publish")
    assert live["id"] == draft["id"]
    assert live["status"] == "publish"
    published_at = dt.datetime.strptime(live["date_gmt"], WP_DATE).replace(tzinfo=dt.UTC)
    assert before <= published_at <= dt.datetime.now(dt.UTC)


@pytest.mark.wordpress
def test_a_scheduled_post_goes_back_to_draft_or_to_another_date(
    wordpress: WordPressSite, seed: Path
) -> None:
    publish_as(wordpress, seed, "future", in_days(5))
    later = in_days(9)
    moved = publish_as(wordpress, seed, "future", later)
    assert moved["status"] == "future"
    assert moved["date_gmt"] == later.strftime(WP_DATE)
    back = publish_as(wordpress, seed, "draft")
    assert back["id"] == moved["id"]
    assert back["status"] == "draft"
    # A draft that was scheduled once still goes live now, not at the old date.
    live = publish_as(wordpress, seed, "publish")
    assert live["status"] == "publish"


@pytest.mark.wordpress
def test_a_live_post_can_be_scheduled_and_keeps_its_date_when_updated(
    wordpress: WordPressSite, seed: Path
) -> None:
    live = publish_as(wordpress, seed, "publish")
    again = publish_as(wordpress, seed, "publish")
    assert again["date_gmt"] == live["date_gmt"]  # an update does not move it up the blog
    later = in_days(3)
    scheduled = publish_as(wordpress, seed, "future", later)
    assert scheduled["id"] == live["id"]
    assert scheduled["status"] == "future"
    assert scheduled["date_gmt"] == later.strftime(WP_DATE)


def ghost_publish_as(
    site: GhostSite, path: Path, status: str, when: dt.datetime | None = None
) -> dict[str, Any]:
    """The same on Ghost: choose ``status``, publish, return Ghost's post."""
    draft = load_draft(path)
    draft.post.status = status
    draft.post.publish_at = when
    post, publication = publish_on_ghost(draft, path, site.account(), site.key)
    draft.record_publication(publication)
    save_draft(draft, path)
    found: dict[str, Any] = site.api("GET", f"posts/{post.id}/")["posts"][0]
    return found


def ghost_date(post: dict[str, Any]) -> dt.datetime:
    return dt.datetime.fromisoformat(str(post["published_at"]).replace("Z", "+00:00"))


@pytest.mark.ghost
def test_ghost_draft_scheduled_published_and_back(ghost: GhostSite, seed: Path) -> None:
    assert ghost_publish_as(ghost, seed, "draft")["status"] == "draft"
    december = in_days(5)
    scheduled = ghost_publish_as(ghost, seed, "future", december)
    assert scheduled["status"] == "scheduled"
    assert ghost_date(scheduled) == december
    assert ghost_publish_as(ghost, seed, "draft")["status"] == "draft"
    ghost_publish_as(ghost, seed, "future", december)
    live = ghost_publish_as(ghost, seed, "publish")
    assert live["status"] == "published"
    assert ghost_date(live) <= dt.datetime.now(dt.UTC)
    later = in_days(3)
    rescheduled = ghost_publish_as(ghost, seed, "future", later)
    assert rescheduled["status"] == "scheduled"
    assert ghost_date(rescheduled) == later
