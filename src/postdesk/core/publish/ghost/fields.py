"""A draft as the fields of a Ghost post: body HTML, tags, excerpt, feature image, JSON-LD.

Ghost has no categories: categories and tags both become Ghost tags, sent by name so Ghost
reuses a tag that exists and creates one that doesn't. The film's schema.org data goes in the
post's ``codeinjection_head``, where Ghost puts it in the page head and not in the body.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft
from postdesk.core.render.bounded import render_limited as render  # time + memory limits
from postdesk.core.render.page import (
    movie_json_ld,
    plain_description,
    post_excerpt,
    script_json,
)
from postdesk.core.render.templates import TemplateLibrary

# postdesk's statuses (the WordPress words) as Ghost's.
STATUSES = {"draft": "draft", "pending": "draft", "publish": "published", "future": "scheduled"}
MAX_EXCERPT = 300


def ghost_status(status: str) -> str:
    """Ghost's word for a postdesk status; unknown ones stay drafts, never go live."""
    return STATUSES.get(status, "draft")


def tag_names(draft: Draft) -> list[dict[str, str]]:
    """Categories then tags, each once (Ghost compares tag names case-insensitively)."""
    seen: set[str] = set()
    tags: list[dict[str, str]] = []
    for name in [*draft.post.categories, *draft.post.tags]:
        clean = name.strip()
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            tags.append({"name": clean})
    return tags


def post_fields(
    draft: Draft,
    draft_file: Path | None,
    status: str,
    *,
    library: TemplateLibrary | None = None,
    image_url: str | None = None,
    published_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The Ghost post for ``draft`` (slug not included: the caller chooses it)."""
    film, post = draft.film, draft.post
    html = render(
        draft, "html", library=library or TemplateLibrary(), draft_file=draft_file,
        poster_url=image_url,
    )  # fmt: skip
    json_ld = script_json(movie_json_ld(draft, plain_description(draft), image_url))
    fields: dict[str, Any] = {
        "title": post.title,
        "html": html,
        "status": ghost_status(status),
        "tags": tag_names(draft),
        "custom_excerpt": (post_excerpt(draft) or "")[:MAX_EXCERPT] or None,
        "codeinjection_head": f'<script type="application/ld+json">\n{json_ld}\n</script>',
    }
    if image_url:
        fields["feature_image"] = image_url
        fields["feature_image_alt"] = f"Poster for {film.title}"
    if fields["status"] == "scheduled":
        if published_at is None:
            raise ValueError("post.publish_at: a scheduled post needs a publish date and time")
        moment = published_at if published_at.tzinfo else published_at.astimezone()
        fields["published_at"] = moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return fields


def going_live_fields(
    ghost_status_sent: str, status_now: str, now: dt.datetime | None = None
) -> dict[str, Any]:
    """``published_at`` for a post going live that is not live yet (``status_now``).

    Ghost keeps a scheduled post's future ``published_at`` when it is sent as published, so
    it would show as published in December; going live now is dated now. A live post keeps
    its date, so an update does not move it up the site.
    """
    if ghost_status_sent != "published" or status_now == "published":
        return {}
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return {"published_at": moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
