r"""Values JSON allows but postdesk cannot carry: numbers too long to read, broken characters.

A draft file can hold a 5,000-digit number (Python refuses to read integers longer than
4,300 digits) or a lone surrogate such as ``"\\ud800"`` (valid JSON, but no UTF-8 exists for
it, so saving, exporting or publishing would fail half-way). Both are found here, anywhere in
the draft, known field or not, and reported with their field path before anything else runs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from postdesk.core.drafts.problems import Problem

#: Python's own limit for reading an integer from text (``sys.int_info``'s default).
MAX_INT_DIGITS = 4300


class HugeNumber:
    """A JSON integer too long to read, kept as its digit count so it can be reported."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"HugeNumber({self.digits} digits)"


def parse_json_int(text: str) -> int | HugeNumber:
    """``json.loads``' ``parse_int``: an integer, or a :class:`HugeNumber` instead of a crash."""
    digits = len(text.lstrip("-"))
    return HugeNumber(digits) if digits > MAX_INT_DIGITS else int(text)


def unreadable_values(data: Any) -> list[Problem]:
    """Every value in ``data`` postdesk cannot read or write, in file order, with its path."""
    try:  # the common case, at C speed: the form asks on every edit
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError, RecursionError):  # UnicodeEncodeError is a ValueError
        return list(_walk(data))
    return []


def _walk(data: Any) -> Iterator[Problem]:
    """Depth first without recursion: a deeply nested file must not crash the check itself."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, HugeNumber):
            yield Problem(
                path,
                f"a number with {value.digits:,} digits is far too long to read (numbers "
                f"here have at most {MAX_INT_DIGITS:,} digits)",
            )
        elif isinstance(value, str):
            yield from _broken_text(path, value)
        elif isinstance(value, dict):
            children = []
            for key, item in value.items():
                yield from _broken_text(path, str(key), what="the field name")
                name = _shown(str(key))
                children.append((f"{path}.{name}" if path else name, item))
            stack.extend(reversed(children))
        elif isinstance(value, list):
            stack.extend(reversed([(f"{path}[{i}]", item) for i, item in enumerate(value)]))


def _shown(key: str) -> str:
    r"""A field name fit for a path in a message: a broken character written as ``\ud800``."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _broken_text(path: str, text: str, what: str = "the text") -> Iterator[Problem]:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        code = ord(text[err.start])
        yield Problem(
            path,
            f"has a broken character in {what} at position {err.start + 1} (a lone surrogate, "
            f"U+{code:04X}, left by a faulty copy or conversion), which cannot be saved, "
            "exported or published: retype the text around it",
        )
