"""What happened to a post, in words: "scheduled for Tuesday, December 1st, 9:00 on My blog"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from postdesk.core.dates import MONTH_NAMES
from postdesk.core.drafts.model import Publication
from postdesk.core.render.phrasing import ordinal

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Ghost's words for the statuses, as WordPress's (the draft's words).
ENGINE_WORDS = {"published": "publish", "scheduled": "future"}
#: Keys of a publication record's extra fields: the status the blog gave the post and, for a
#: scheduled post, when it goes live, so the window can say so after the draft is reopened.
STATUS_KEY = "status"
SCHEDULED_KEY = "scheduled_for"


def when_phrase(moment: dt.datetime) -> str:
    """A publish time as people say it: "Tuesday, December 1st, 9:00" (local time)."""
    local = moment.astimezone() if moment.tzinfo else moment
    day = f"{WEEKDAYS[local.weekday()]}, {MONTH_NAMES[local.month - 1]} {ordinal(local.day)}"
    return f"{day}, {local.hour}:{local.minute:02d}"


def outcome_phrase(status: str, account: str, publish_at: dt.datetime | None = None) -> str:
    """What a publish did, after "The post was": "saved as a draft on My film blog".

    The blog's own status words ("future", "publish") mean little to a blogger.
    """
    status = ENGINE_WORDS.get(status, status)
    if status == "publish":
        return f"published on {account}"
    if status == "future":
        when = f" for {when_phrase(publish_at)}" if publish_at else ""
        return f"scheduled{when} on {account}"
    if status == "draft":
        return f"saved as a draft on {account}"
    if status == "pending":
        return f"sent to {account} for review"
    if status == "private":
        return f"published privately on {account}"
    return f"sent to {account}"


def with_outcome(
    extra: dict[str, Any], status: str, publish_at: dt.datetime | None
) -> dict[str, Any]:
    """A publication record's ``extra`` noting ``status`` (and the time, when scheduled)."""
    status = ENGINE_WORDS.get(status, status)
    noted = {k: v for k, v in extra.items() if k != SCHEDULED_KEY}
    noted[STATUS_KEY] = status
    if status == "future" and publish_at is not None:
        noted[SCHEDULED_KEY] = publish_at.isoformat()
    return noted


def recorded_outcome(publication: Publication) -> str:
    """What the record says the blog has, as a sentence: "Saved as a draft on My film blog".

    A record written before postdesk noted the status says only where the post was sent.
    """
    status = publication.extra.get(STATUS_KEY)
    if not isinstance(status, str):
        return f"Sent to {publication.account}"
    when = publication.extra.get(SCHEDULED_KEY)
    try:
        moment = dt.datetime.fromisoformat(when) if isinstance(when, str) else None
    except ValueError:
        moment = None
    phrase = outcome_phrase(status, publication.account, moment)
    return phrase[:1].upper() + phrase[1:]
