"""How long a post is: its words and the minutes a reader spends on them."""

from __future__ import annotations

import html
import math
import re

#: An adult reads about 230 words a minute (the usual figure for reading-time labels).
WORDS_PER_MINUTE = 230
_HIDDEN = re.compile(
    r"<(script|style)\b.*?</\1>|<figure class=\"trailer-placeholder\">.*?</figure>",
    re.DOTALL | re.IGNORECASE,
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")


def count_words(body_html: str) -> int:
    """The words a reader sees in a rendered body (no markup, no preview-only trailer text)."""
    text = html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", body_html)))
    return len(_WORD.findall(text))


def reading_minutes(words: int) -> int:
    """Whole minutes to read ``words`` (at least one for any text at all)."""
    return math.ceil(words / WORDS_PER_MINUTE) if words else 0


def length_label(words: int) -> str:
    """The status bar’s “412 words · 2 min read”."""
    if not words:
        return "No words yet"
    noun = "word" if words == 1 else "words"
    return f"{words:,} {noun} · {reading_minutes(words)} min read"


def page_body(page_html: str) -> str:
    """The post body of a rendered page: what the blog shows under the title."""
    body = page_html.split('id="postdesk-body">', 1)[-1]
    return body.split('<footer class="post-footer">', 1)[0].split("</article>", 1)[0]
