"""What happened to a post, in words: "scheduled for Tuesday, December 1st, 9:00 on My blog"."""

from __future__ import annotations

import datetime as dt

from postdesk.core.dates import MONTH_NAMES
from postdesk.core.render.phrasing import ordinal

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Ghost's words for the statuses, as WordPress's (the draft's words).
ENGINE_WORDS = {"published": "publish", "scheduled": "future"}


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
