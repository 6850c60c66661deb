"""What the model says about each of its fields, beyond the type: one place for every copy.

The reader, the writer, :func:`validate`, the form's labels and the templates README all
read a field's :class:`FieldInfo` from the dataclass, so a new field is written once, in
``model.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, NamedTuple

_KEY = "postdesk"


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class FieldInfo(NamedTuple):
    """A field's description and rules, kept in the dataclass field's ``metadata``.

    Attributes:
        doc: what the field holds, for the templates README.
        label: the field as the form names it ("Film title"), for messages about it.
        between: the smallest and largest number allowed.
        choices: the only values allowed, and ``choice_of`` names them ("a post status").
        key: the name in the file when it is not the attribute's (``published``).
        item: what a list item must be, for the message when it is not ("an object such as …").
        missing: the message when a required field is absent from the file.
        written_first: the file puts this field before the ones declared above it.
        blank_is_default: an empty text in the file means the field's default.
        stored: false for what the file never holds (the file stamp).
    """

    doc: str = ""
    label: str = ""
    between: tuple[int, int] | None = None
    choices: tuple[str, ...] = ()
    choice_of: str = ""
    key: str | None = None
    item: str = "an object"
    missing: str = "is missing"
    written_first: bool = False
    blank_is_default: bool = False
    stored: bool = True


def about(doc: str, **rules: Any) -> Mapping[str, FieldInfo]:
    """Metadata for ``dataclasses.field``: ``field(default=None, metadata=about("…"))``."""
    return {_KEY: FieldInfo(doc, **rules)}


def info_of(field: dataclasses.Field[Any]) -> FieldInfo:
    """The :class:`FieldInfo` of a dataclass field (an empty one where the model gave none)."""
    found = field.metadata.get(_KEY)
    return found if isinstance(found, FieldInfo) else FieldInfo()
