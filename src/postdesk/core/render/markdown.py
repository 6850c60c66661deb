"""The blogger's Markdown (synopsis, note) as safe HTML, with cast mentions turned into credits.

A mention is ``@[Graham Rogers]``: it renders as the cast member's credit, "Graham Rogers,
“Quantico”", so the credit is written once, in the cast list. Raw HTML in the Markdown is
shown as text, and whatever HTML results is sanitised with nh3: no scripts, no event
attributes, no ``javascript:`` links, no iframes.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from postdesk.core.drafts.mentions import MENTION, mention_key

#: What survives sanitising: the Markdown vocabulary, nothing that runs or embeds.
ALLOWED_TAGS = frozenset(
    {"p", "br", "hr", "em", "strong", "del", "s", "code", "pre", "blockquote", "ul", "ol", "li"}
    | {"a", "img", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tr", "th", "td"}
)
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})

Credit = Callable[[str], str | None]


def render_markdown(
    source: str | None,
    *,
    credits: Mapping[str, str] | None = None,
    tail: str | None = None,
) -> str:
    """Render Markdown to sanitised HTML.

    Args:
        source: the blogger's Markdown.
        credits: mention key (see :func:`mention_key`) to the credit text a mention renders as;
            a name not in it renders as written.
        tail: a plain-text sentence appended to the last paragraph, such as "… also stars …",
            so that it reads as part of the synopsis, as in the seed post.
    """
    md = _markdown()
    env: dict[str, Any] = {"credits": credits or {}}
    tokens = md.parse(source or "", env)
    if tail:
        _append_to_last_paragraph(tokens, tail)
    rendered = md.renderer.render(tokens, md.options, env)
    return sanitize_html(rendered)


def sanitize_html(fragment: str) -> str:
    """Keep the harmless Markdown vocabulary of an HTML fragment and drop the rest."""
    return str(
        nh3.clean(
            fragment,
            tags=set(ALLOWED_TAGS),
            attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(URL_SCHEMES),
            clean_content_tags={"script", "style"},
            link_rel="noopener noreferrer",
        )
    ).strip()


@cache
def _markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "breaks": False})
    md.enable(["table", "strikethrough"])
    md.inline.ruler.before("link", "cast_mention", _parse_mention)
    md.add_render_rule("cast_mention", _render_mention)
    return md


def _parse_mention(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("@[", state.pos):
        return False
    match = MENTION.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        token = state.push("cast_mention", "", 0)
        token.meta = {"name": match.group(1).strip()}
    state.pos = match.end()
    return True


def _render_mention(
    renderer: Any, tokens: Sequence[Token], idx: int, options: Any, env: Mapping[str, Any]
) -> str:
    name: str = tokens[idx].meta["name"]
    credit = env["credits"].get(mention_key(name), name)
    return html.escape(credit, quote=False)


def _append_to_last_paragraph(tokens: list[Token], tail: str) -> None:
    last = len(tokens) - 1
    if last >= 2 and tokens[last].type == "paragraph_close" and tokens[last - 1].type == "inline":
        inline = tokens[last - 1]
        text = Token("text", "", 0)
        text.content = " " + tail
        inline.children = [*(inline.children or []), text]
        return
    opening = Token("paragraph_open", "p", 1, block=True)
    inline = Token("inline", "", 0, block=True, content=tail)
    text = Token("text", "", 0, content=tail)
    inline.children = [text]
    closing = Token("paragraph_close", "p", -1, block=True)
    tokens.extend([opening, inline, closing])
