"""What a draft's publication record says the blog has, after the app is reopened."""

import datetime as dt

from postdesk.core.drafts.model import Publication
from postdesk.core.publish.outcome import recorded_outcome, with_outcome

DECEMBER = dt.datetime(2026, 12, 1, 9, 0).astimezone()


def record(status: str | None, when: dt.datetime | None = None) -> Publication:
    extra = with_outcome({"fields_hash": "x"}, status, when) if status else {}
    return Publication("My film blog", 7, "https://blog.example/?p=7", extra=extra)


def test_each_status_reads_as_what_the_blog_has() -> None:
    assert recorded_outcome(record("draft")) == "Saved as a draft on My film blog"
    assert recorded_outcome(record("future", DECEMBER)) == (
        "Scheduled for Tuesday, December 1st, 9:00 on My film blog"
    )
    assert recorded_outcome(record("scheduled", DECEMBER)).startswith("Scheduled for Tuesday")
    assert recorded_outcome(record("publish")) == "Published on My film blog"
    assert recorded_outcome(record("published")) == "Published on My film blog"


def test_a_record_from_before_the_status_was_noted_says_only_where() -> None:
    assert recorded_outcome(record(None)) == "Sent to My film blog"


def test_going_live_forgets_the_schedule_and_keeps_other_fields() -> None:
    scheduled = with_outcome({"fields_hash": "x"}, "future", DECEMBER)
    live = with_outcome(scheduled, "publish", DECEMBER)
    assert live == {"fields_hash": "x", "status": "publish"}
