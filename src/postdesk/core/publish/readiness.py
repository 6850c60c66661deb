"""What stops a draft from being published, checked before anything is asked or sent."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from postdesk.core.drafts.checks import poster_problems
from postdesk.core.drafts.files import draft_to_dict
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.posters import poster_refusal
from postdesk.core.drafts.problems import Problem
from postdesk.core.drafts.reader import DraftReader
from postdesk.core.drafts.validation import validate
from postdesk.core.publish.results import PublishError


def publish_problems(draft: Draft, now: dt.datetime | None = None) -> list[Problem]:
    """The problems a publish would stop on: those that stop a save, and a bad schedule.

    Checked first, so the blogger is not asked for a file name or a blog only to hear then
    that the post has no title.
    """
    _, problems = DraftReader().read(draft_to_dict(draft))
    found = [p for p in problems if p.blocking]
    post = draft.post
    if post.status == "future":
        if post.publish_at is None:
            found.append(Problem("post.publish_at", "a scheduled post needs a date and time"))
        else:
            moment = post.publish_at if post.publish_at.tzinfo else post.publish_at.astimezone()
            if moment <= (now or dt.datetime.now(dt.UTC)):
                found.append(Problem("post.publish_at", "is not in the future"))
    return found


def publish_warnings(draft: Draft, draft_file: Path | None) -> list[Problem]:
    """What would not come out as meant, though nothing stops the publish.

    An ``@[mention]`` of a name not in the cast, a trailer address that is no video…: shown
    before anything is sent, so the blogger can go back and fix it (the window asks; the
    command line prints them, and ``--strict`` stops).
    """
    found = validate(draft) + poster_problems(draft, draft_file, blocking=False)
    return [p for p in found if not p.blocking and p.path != "post.publish_at"]  # asked apart


def check_poster(path: Path) -> None:
    """Refuse, before anything is sent, a poster that is not an image (see ``posters``)."""
    refusal = poster_refusal(path)
    if refusal is not None:
        raise PublishError(f"film.poster: the file {refusal}; nothing was sent to the blog")


def check_schedule(publish_at: dt.datetime | None) -> None:
    """Refuse, before anything is sent, a schedule without a date or in the past."""
    if publish_at is None:
        raise PublishError("post.publish_at: a scheduled post needs a publish date and time")
    moment = publish_at if publish_at.tzinfo else publish_at.astimezone()  # local time
    if moment.astimezone(dt.UTC) <= dt.datetime.now(dt.UTC):
        raise PublishError(
            f"post.publish_at: {publish_at.isoformat(timespec='minutes')} is not in the future; "
            "choose a later time, or publish now"
        )
