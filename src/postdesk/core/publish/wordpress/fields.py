"""The status and date fields WordPress needs to move a post between draft, scheduled and live.

WordPress decides a post's status from its date as much as from the status sent: a post sent
as ``publish`` whose stored date is still in the future stays ``future``. So a post that was
scheduled (or a draft that once was) goes live only when the date goes with it, the way
WordPress's own "Publish immediately" does. A post that is already live keeps its date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from postdesk.core.drafts.model import Draft
from postdesk.core.publish.wordpress.client import RemotePost
from postdesk.core.render.page import post_excerpt

WP_DATE = "%Y-%m-%dT%H:%M:%S"


def going_live_fields(
    status: str, existing: RemotePost | None, now: dt.datetime | None = None
) -> dict[str, Any]:
    """The date to send with ``status`` for the post the blog has now (``None``: a new post).

    Publishing a post that is not live yet sends the current time as ``date_gmt``: a date
    left from a schedule would keep it scheduled. A new post needs nothing (WordPress dates
    it now), and a live post keeps its date, so an update does not move it up the blog.
    """
    if status != "publish" or existing is None or existing.status == "publish":
        return {}
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    return {"date_gmt": moment.strftime(WP_DATE)}


def excerpt_fields(draft: Draft) -> dict[str, Any]:
    """The tagline as the post's excerpt, which themes show in post lists and feeds.

    Nothing is sent without a tagline: WordPress then keeps the excerpt the blogger wrote on
    the blog, or makes one from the post's first words.
    """
    excerpt = post_excerpt(draft)
    return {"excerpt": excerpt} if excerpt else {}
