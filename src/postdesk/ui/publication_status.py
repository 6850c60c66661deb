"""What the status bar says about the draft on the blog: where it is, and as what."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from postdesk.core.drafts.model import Draft


def publication_label(draft: Draft) -> str:
    """Where the draft is on the blog, in the status bar's rich text, with a link to it.

    A draft or a scheduled post is not "published": the words follow the status the blog
    gave the post ("Scheduled for Tuesday, December 1st, 9:00 on My film blog").
    """
    if not draft.publications:
        return "Not published yet"
    # Only a published draft loads these: the publishing words, and html's entity table
    # (~2 ms), are not needed before a new draft's first frame.
    import html

    from postdesk.core.publish.outcome import recorded_outcome

    last = draft.publications[-1]
    link = html.escape(last.link)
    return f'{html.escape(recorded_outcome(last))}: <a href="{link}">{link}</a>'
