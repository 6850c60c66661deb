"""A checker for WordPress block markup, following the block parser's grammar.

WordPress's parser turns any non-blank text outside a block into a "freeform" (Classic) block:
a post that opens as one Classic block is the failure this checker catches.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

DELIMITER = re.compile(
    r"<!--\s+(?P<closer>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)\s+"
    r"(?:(?P<attrs>\{(?:(?!-->).)*?\})\s+)?(?P<void>/)?-->",
    re.DOTALL,
)


@dataclass
class Block:
    name: str
    attrs: dict[str, object]
    inner: list[Block] = field(default_factory=list)
    html: str = ""


def parse_blocks(markup: str) -> list[Block]:
    """Parse block markup; raise ValueError on freeform content or unbalanced delimiters."""
    root = Block("#root", {})
    stack = [root]
    position = 0
    for match in DELIMITER.finditer(markup):
        between = markup[position : match.start()]
        if len(stack) == 1 and between.strip():
            raise ValueError(f"freeform content outside any block: {between.strip()[:60]!r}")
        stack[-1].html += between
        position = match.end()
        name = match["name"]
        if match["closer"]:
            if stack[-1].name != name:
                raise ValueError(f"closing wp:{name} while wp:{stack[-1].name} is open")
            stack.pop()
            continue
        attrs = json.loads(match["attrs"]) if match["attrs"] else {}
        block = Block(name, attrs)
        stack[-1].inner.append(block)
        if not match["void"]:
            stack.append(block)
    tail = markup[position:]
    if len(stack) == 1 and tail.strip():
        raise ValueError(f"freeform content after the last block: {tail.strip()[:60]!r}")
    if len(stack) != 1:
        raise ValueError(f"wp:{stack[-1].name} is never closed")
    return root.inner


def block_names(blocks: list[Block]) -> list[str]:
    """The names of blocks, depth first."""
    names: list[str] = []
    for block in blocks:
        names.append(block.name)
        names += block_names(block.inner)
    return names
