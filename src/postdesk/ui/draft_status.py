"""What the preview says about the draft beside the post itself: its length, what to fill next.

Used by the render thread (:mod:`postdesk.ui.render_scheduler`), off the GUI thread.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from postdesk.core.drafts.progress import to_fill_next
from postdesk.core.render.words import count_words, length_label, page_body

if TYPE_CHECKING:
    from postdesk.core.drafts.model import Draft

HINT_STYLE = (
    "margin:0 0 1.5em;padding:.8em 1em;border:1px dashed #999;border-radius:6px;"
    "font:0.95em system-ui,sans-serif;color:#555"
)


def length_of(page: str) -> str:
    """The length of a rendered preview page’s post: “224 words · 1 min read”."""
    return length_label(count_words(page_body(page)))


def with_hint(page: str, draft: Draft) -> str:
    """``page`` with a note on top of the body saying what to fill next, for a thin draft.

    Only the preview gets it: the published and exported outputs are rendered without it.
    """
    missing = to_fill_next(draft)
    marker = 'id="postdesk-body">'
    if not missing or marker not in page:
        return page
    items = "".join(f"<li>{html.escape(label)}</li>" for label in missing[:3])
    hint = (
        f'<aside class="postdesk-hint" style="{HINT_STYLE}">'
        "<strong>Not much to show yet.</strong> Fill in next:"
        f"<ul>{items}</ul>This note shows only here, never in the post.</aside>"
    )
    return page.replace(marker, marker + hint, 1)
