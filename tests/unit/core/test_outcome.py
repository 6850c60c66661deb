import datetime as dt

from postdesk.core.publish.outcome import outcome_phrase, when_phrase


def test_what_a_publish_did_reads_as_english() -> None:
    december = dt.datetime(2026, 12, 1, 9, 0)
    assert when_phrase(december) == "Tuesday, December 1st, 9:00"
    assert outcome_phrase("future", "My film blog", december) == (
        "scheduled for Tuesday, December 1st, 9:00 on My film blog"
    )
    assert outcome_phrase("scheduled", "Ghosty", december).startswith("scheduled for Tuesday")
    assert outcome_phrase("draft", "My film blog") == "saved as a draft on My film blog"
    assert outcome_phrase("publish", "My film blog") == "published on My film blog"
    assert outcome_phrase("published", "Ghosty") == "published on Ghosty"
    assert outcome_phrase("pending", "My film blog") == "sent to My film blog for review"
