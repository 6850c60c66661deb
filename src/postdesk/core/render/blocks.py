"""Turn a rendered post body (HTML) into WordPress block markup.

Each top-level element becomes a native block (paragraph, heading, list, quote, image,
separator, code, table), so the post opens in the block editor as blocks rather than as one
Classic block. Block comments a template wrote itself (the trailer's embed block) pass
through untouched; anything else is kept whole in a Custom HTML block. Every block is closed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

INLINE_ELEMENTS = frozenset(
    {"a", "abbr", "b", "br", "cite", "code", "del", "em", "i", "kbd", "mark", "q", "s", "small"}
    | {"span", "strong", "sub", "sup", "time", "u"}
)
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
BLOCK_OPEN = re.compile(r"^\s*wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(\s|$)")
BLOCK_CLOSE = re.compile(r"^\s*/wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s*$")


@dataclass
class Element:
    """An HTML element with its start tag exactly as written."""

    tag: str
    start: str
    attrs: dict[str, str | None]
    children: list[Node] = field(default_factory=list)

    def html(self) -> str:
        """The element serialised back to HTML."""
        if self.tag in VOID_ELEMENTS:
            return self.start
        return self.start + inner_html(self) + f"</{self.tag}>"


@dataclass
class Text:
    """Text (entities kept as written)."""

    raw: str

    def html(self) -> str:
        """The text as written."""
        return self.raw


@dataclass
class Comment:
    """An HTML comment, which may be a block delimiter."""

    text: str

    def html(self) -> str:
        """The comment as written."""
        return f"<!--{self.text}-->"


Node = Element | Text | Comment


def inner_html(element: Element) -> str:
    """An element's content serialised back to HTML."""
    return "".join(child.html() for child in element.children)


class _TreeBuilder(HTMLParser):
    """A forgiving tree builder for the well-formed HTML our templates and nh3 produce."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.root = Element("#root", "", {})
        self._stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, self.get_starttag_text() or f"<{tag}>", dict(attrs))
        self._stack[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self._stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, self.get_starttag_text() or f"<{tag}/>", dict(attrs))
        self._stack[-1].children.append(element)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self._stack) - 1, 0, -1):
            if self._stack[depth].tag == tag:
                del self._stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._stack[-1].children.append(Text(data))

    def handle_entityref(self, name: str) -> None:
        self._stack[-1].children.append(Text(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._stack[-1].children.append(Text(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        self._stack[-1].children.append(Comment(data))


def parse_fragment(fragment: str) -> list[Node]:
    """The top-level nodes of an HTML fragment."""
    builder = _TreeBuilder()
    builder.feed(fragment)
    builder.close()
    return builder.root.children


def html_to_blocks(fragment: str) -> str:
    """Block markup for an HTML fragment: one block per top-level element."""
    return "\n\n".join(_blocks(parse_fragment(fragment))) + "\n"


def _is_inline(node: Node) -> bool:
    return isinstance(node, Text) or (isinstance(node, Element) and node.tag in INLINE_ELEMENTS)


def _blocks(nodes: list[Node]) -> list[str]:
    blocks: list[str] = []
    inline_run: list[Node] = []  # loose text and inline elements: one paragraph together
    index = 0
    while index < len(nodes):
        node = nodes[index]
        if _is_inline(node):
            inline_run.append(node)
            index += 1
            continue
        blocks += _loose_paragraph(inline_run)
        inline_run = []
        if isinstance(node, Comment) and BLOCK_OPEN.match(node.text):
            end = _matching_close(nodes, index)
            blocks.append("".join(n.html() for n in nodes[index : end + 1]).strip())
            index = end + 1
            continue
        block = _block(node)
        if block:
            blocks.append(block)
        index += 1
    return blocks + _loose_paragraph(inline_run)


def _loose_paragraph(nodes: list[Node]) -> list[str]:
    text = "".join(n.html() for n in nodes).strip()
    return [_wrap("paragraph", f"<p>{text}</p>")] if text else []


def _matching_close(nodes: list[Node], start: int) -> int:
    """The index of the comment closing the block opened at ``start``.

    A self-closing or never-closed block ends at its opener, so nothing after it is swallowed.
    """
    opener = nodes[start]
    assert isinstance(opener, Comment)
    if opener.text.rstrip().endswith("/"):
        return start
    match = BLOCK_OPEN.match(opener.text)
    name = match.group(1) if match else ""
    depth = 0
    for index in range(start, len(nodes)):
        node = nodes[index]
        if not isinstance(node, Comment):
            continue
        opened = BLOCK_OPEN.match(node.text)
        closed = BLOCK_CLOSE.match(node.text)
        if opened and opened.group(1) == name and not node.text.rstrip().endswith("/"):
            depth += 1
        elif closed and closed.group(1) == name:
            depth -= 1
            if depth == 0:
                return index
    return start


def _wrap(name: str, content: str, attributes: dict[str, object] | None = None) -> str:
    comment = f" {json.dumps(attributes, separators=(',', ':'))}" if attributes else ""
    return f"<!-- wp:{name}{comment} -->\n{content}\n<!-- /wp:{name} -->"


def _block(node: Node) -> str:
    if not isinstance(node, Element):
        return ""
    converter = CONVERTERS.get(node.tag)
    return converter(node) if converter else _wrap("html", node.html())


def _paragraph(element: Element) -> str:
    meaningful = [c for c in element.children if not (isinstance(c, Text) and not c.raw.strip())]
    if len(meaningful) == 1 and isinstance(meaningful[0], Element) and meaningful[0].tag == "img":
        return _image(meaningful[0])
    return _wrap("paragraph", element.html())


def _heading(element: Element) -> str:
    level = int(element.tag[1])
    content = f'<{element.tag} class="wp-block-heading">{inner_html(element)}</{element.tag}>'
    return _wrap("heading", content, None if level == 2 else {"level": level})


def _list(element: Element) -> str:
    items = []
    for child in element.children:
        if isinstance(child, Element) and child.tag == "li":
            items.append(_wrap("list-item", f"<li>{_list_item_content(child)}</li>"))
    ordered = element.tag == "ol"
    start = element.attrs.get("start")
    attributes: dict[str, object] = {"ordered": True} if ordered else {}
    if ordered and start and start.isdigit() and start != "1":
        attributes["start"] = int(start)
    start_attr = f' start="{attributes["start"]}"' if "start" in attributes else ""
    content = f"<{element.tag}{start_attr}>" + "".join(items) + f"</{element.tag}>"
    return _wrap("list", content, attributes or None)


def _list_item_content(item: Element) -> str:
    """A list item's inline content; a nested list becomes a nested list block."""
    parts = []
    for child in item.children:
        if isinstance(child, Element) and child.tag in {"ul", "ol"}:
            parts.append(_list(child))
        elif isinstance(child, Element) and child.tag == "p":  # a "loose" Markdown list
            parts.append(inner_html(child))
        else:
            parts.append(child.html())
    return "".join(parts).strip()


def _quote(element: Element) -> str:
    inner = "\n".join(_blocks(element.children))
    return _wrap("quote", f'<blockquote class="wp-block-quote">{inner}</blockquote>')


def _image(image: Element) -> str:
    src = image.attrs.get("src") or ""
    alt = image.attrs.get("alt") or ""
    img = f'<img src="{escape(src)}" alt="{escape(alt)}"/>'
    return _wrap("image", f'<figure class="wp-block-image">{img}</figure>')


def _figure(element: Element) -> str:
    images = [c for c in element.children if isinstance(c, Element) and c.tag == "img"]
    others = [
        c
        for c in element.children
        if not (isinstance(c, Text) and not c.raw.strip()) and c not in images
    ]
    if len(images) == 1 and not others:
        return _image(images[0])
    return _wrap("html", element.html())


def _separator(element: Element) -> str:
    return _wrap("separator", '<hr class="wp-block-separator has-alpha-channel-opacity"/>')


def _code(element: Element) -> str:
    code = element.children[0] if len(element.children) == 1 else None
    inner = inner_html(code) if isinstance(code, Element) and code.tag == "code" else ""
    if not inner:
        inner = inner_html(element)
    return _wrap("code", f'<pre class="wp-block-code"><code>{inner}</code></pre>')


def _table(element: Element) -> str:
    return _wrap("table", f'<figure class="wp-block-table">{element.html()}</figure>')


CONVERTERS = {
    "p": _paragraph,
    **{f"h{level}": _heading for level in range(1, 7)},
    "ul": _list,
    "ol": _list,
    "blockquote": _quote,
    "img": _image,
    "figure": _figure,
    "hr": _separator,
    "pre": _code,
    "table": _table,
}
