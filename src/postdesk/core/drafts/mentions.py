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


def rename_mentions(source: str | None, old: str, new: str) -> str | None:
    """``source`` with every mention of ``old`` (any case or spacing) written ``@[new]``.

    Renaming a cast member must carry their mentions along, or the synopsis would keep a
    mention nobody in the cast answers to and the credit would silently disappear.
    """
    if source is None or not new.strip():
        return source
    wanted = mention_key(old)
    return MENTION.sub(
        lambda m: f"@[{new.strip()}]" if mention_key(m.group(1)) == wanted else m.group(0),
        source,
    )
