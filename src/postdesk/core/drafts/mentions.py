"""Cast mentions in the synopsis: ``@[Graham Rogers]`` stands for that actor's credit."""

from __future__ import annotations

import re

MENTION = re.compile(r"@\[([^\[\]\n]{1,200})\]")


def mention_key(name: str) -> str:
    """How mentions are matched to the cast list: case and spacing do not matter."""
    return " ".join(name.split()).casefold()


def mentioned_names(source: str | None) -> list[str]:
    """The names mentioned in ``source`` with ``@[Name]``, in order of first mention."""
    seen: dict[str, str] = {}
    for match in MENTION.finditer(source or ""):
        seen.setdefault(mention_key(match.group(1)), match.group(1).strip())
    return list(seen.values())
