"""The draft file's shape, derived from the model's dataclasses: reading, writing, ordering.

Each stored field of a dataclass in ``model.py`` is a :class:`Slot`: its key in the file, the
shape of its value (from the type hint) and its :class:`FieldInfo`. The JSON reader, the
writer and the templates README walk these slots, so none of them lists the fields again.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import functools
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any, NamedTuple

from postdesk.core.drafts.field_info import FieldInfo, info_of
from postdesk.core.drafts.model import Film, JsonDict, Post
from postdesk.core.drafts.problems import Problem, ProblemKind, describe

#: The dataclass field that holds the fields a file has and the model does not know.
EXTRA = "extra"


class Shape(enum.Enum):
    """What a field's value is in the file (and in the model)."""

    TEXT = "text"
    WHOLE = "whole number"
    NUMBER = "number"
    DATE = "date"
    MOMENT = "date and time"
    TEXTS = "list of text"
    OBJECT = "object"
    OBJECTS = "list"


_SIMPLE = {str: Shape.TEXT, int: Shape.WHOLE, float: Shape.NUMBER, dt.datetime: Shape.MOMENT}
_SIMPLE[dt.date] = Shape.DATE


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class Slot(NamedTuple):
    """One stored field of a model dataclass."""

    name: str
    key: str
    shape: Shape
    model: type | None  # the dataclass of an OBJECT or of the items of OBJECTS
    required: bool
    info: FieldInfo


@functools.cache
def slots(model: type) -> tuple[Slot, ...]:
    """The stored fields of ``model``, in the order the model declares them."""
    hints = typing.get_type_hints(model)
    return tuple(
        _slot(f, hints[f.name])
        for f in dataclasses.fields(model)
        if f.name != EXTRA and info_of(f).stored
    )


@functools.cache
def written(model: type) -> tuple[Slot, ...]:
    """The stored fields of ``model`` in the order a file lists them."""
    fields = slots(model)
    return tuple(s for s in fields if s.info.written_first) + tuple(
        s for s in fields if not s.info.written_first
    )


def _slot(field: dataclasses.Field[Any], hint: Any) -> Slot:
    info = info_of(field)
    shape, model = _shape(hint, field.name)
    required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
    return Slot(field.name, info.key or field.name, shape, model, required, info)


def _shape(hint: Any, name: str) -> tuple[Shape, type | None]:
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
    if typing.get_origin(hint) is list:
        (item,) = typing.get_args(hint)
        return (Shape.TEXTS, None) if item is str else (Shape.OBJECTS, item)
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return Shape.OBJECT, hint
    if hint in _SIMPLE:
        return _SIMPLE[hint], None
    raise TypeError(f"the draft file cannot hold field {name!r} of type {hint!r}")


def join(parent: str, key: str) -> str:
    """A field path: ``film`` and ``title`` give ``film.title``."""
    return f"{parent}.{key}" if parent else key


# -- writing -----------------------------------------------------------------------------------


def to_json(obj: Any) -> JsonDict:
    """A model object as JSON data: its fields in file order, then the fields kept unknown."""
    model: type = type(obj)
    data: JsonDict = {slot.key: _json_value(getattr(obj, slot.name)) for slot in written(model)}
    extra: JsonDict = getattr(obj, EXTRA, {})
    return {**data, **{k: v for k, v in extra.items() if k not in data}}


def _json_value(value: Any) -> Any:
    if dataclasses.is_dataclass(value):
        return to_json(value)
    if isinstance(value, list):
        return [_json_value(item) for item in value]
    if isinstance(value, dt.date):  # a datetime too
        return value.isoformat()
    return value


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class Part(NamedTuple):
    """An object as read from a file: its path, its model and the values found for it."""

    path: str
    model: type
    values: dict[str, Any]


# -- reading -----------------------------------------------------------------------------------

#: How a date and a date with a time are read: the parser, what the text must hold, the
#: words for the message when it is not one.
_WHEN: dict[Shape, tuple[Callable[[str], dt.date], str, str]] = {
    Shape.DATE: (dt.date.fromisoformat, "", "a date (write it as YYYY-MM-DD)"),
    Shape.MOMENT: (dt.datetime.fromisoformat, "T", "a date and time (YYYY-MM-DDTHH:MM)"),
}

_ABSENT = object()  # a value the file did not give, or gave wrong: the field keeps its default


class StructureReader:
    """Builds model objects from JSON data, recording every value of the wrong type.

    Only the shape is checked here (text, number, list, date…). Ranges, choices and blank
    required fields are rules over the model, checked by ``validation.validate``.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        #: Each object's path, model and the values read for it, whole or not: what a file
        #: that gives no whole draft can still be checked on.
        self.parts: list[Part] = []
        self._readers: dict[Shape, Callable[[Any, str, Slot], Any]] = {
            Shape.TEXT: self._text,
            Shape.WHOLE: self._whole,
            Shape.NUMBER: self._number,
            Shape.DATE: self._when,
            Shape.MOMENT: self._when,
            Shape.TEXTS: self._list,
            Shape.OBJECTS: self._list,
        }

    def fail(self, path: str, message: str, kind: ProblemKind = ProblemKind.INVALID) -> None:
        """Record a problem."""
        self.problems.append(Problem(path, message, kind))

    def read(self, model: type, data: Any, path: str, expected: str = "an object") -> Any:
        """An instance of ``model``, or ``None`` when ``data`` lacks a usable required field."""
        if data is None:
            self.fail(path, "is missing", ProblemKind.MISSING)
            return None
        if not isinstance(data, dict):
            self.fail(path, f"{describe(data)} is not {expected}")
            return None
        values: dict[str, Any] = {}
        complete = True
        for slot in slots(model):
            value = self._value(slot, data.get(slot.key), join(path, slot.key))
            if value is not _ABSENT:
                values[slot.name] = value
            elif slot.required:
                complete = False
        if any(f.name == EXTRA for f in dataclasses.fields(model)):
            known = {slot.key for slot in slots(model)}
            values[EXTRA] = {k: v for k, v in data.items() if k not in known}
        self.parts.append(Part(path, model, values))
        return model(**values) if complete else None

    def _value(self, slot: Slot, value: Any, path: str) -> Any:
        if slot.shape is Shape.OBJECT:
            assert slot.model is not None
            found = self.read(slot.model, value, path)
            return _ABSENT if found is None else found
        if value is None:
            if slot.required:
                self.fail(path, slot.info.missing, ProblemKind.MISSING)
            return _ABSENT
        found = self._readers[slot.shape](value, path, slot)
        return _ABSENT if slot.info.blank_is_default and found == "" else found

    def _text(self, value: Any, path: str, slot: Slot | None = None) -> Any:
        if isinstance(value, str):
            return value
        self.fail(path, f"{describe(value)} is not text")
        return _ABSENT

    def _whole(self, value: Any, path: str, slot: Slot) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        self.fail(path, f"{describe(value)} is not a whole number")
        return _ABSENT

    def _number(self, value: Any, path: str, slot: Slot) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            self.fail(path, f"{describe(value)} is not a number")
            return _ABSENT
        try:
            return float(value)
        except OverflowError:  # an integer beyond any float: out of every range anyway
            return math.copysign(math.inf, value)

    def _when(self, value: Any, path: str, slot: Slot) -> Any:
        parse, mark, what = _WHEN[slot.shape]
        if isinstance(value, str) and mark in value:
            try:
                return parse(value)
            except ValueError:
                pass
        self.fail(path, f"{describe(value)} is not {what}")
        return _ABSENT

    def _list(self, value: Any, path: str, slot: Slot) -> Any:
        if not isinstance(value, list):
            self.fail(path, f"{describe(value)} is not a list")
            return _ABSENT
        items = [self._item(slot, item, f"{path}[{i}]") for i, item in enumerate(value)]
        return [item for item in items if item is not None and item is not _ABSENT]

    def _item(self, slot: Slot, item: Any, path: str) -> Any:
        if slot.model is None:
            return self._text(item, path)
        return self.read(slot.model, item, path, slot.info.item)


# -- what the form and messages need -------------------------------------------------------------

#: The parts of a draft a blogger edits, by their key in the file.
EDITED_PARTS: dict[str, type] = {"film": Film, "post": Post}


def field_labels() -> dict[str, str]:
    """Field paths as the form labels them: ``{"film.title": "Film title", …}``."""
    return {
        join(part, slot.key): slot.info.label
        for part, model in EDITED_PARTS.items()
        for slot in slots(model)
        if slot.info.label
    }


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def path_order(path: str, model: type) -> tuple[int, ...]:
    """A sort key putting field paths in the order of the model's fields, as a file reads."""
    key: list[int] = []
    current: type | None = model
    for name, index in _STEP.findall(path):
        if index:
            key.append(int(index))
            continue
        fields = slots(current) if current is not None else ()
        position = next((i for i, s in enumerate(fields) if s.key == name), len(fields))
        key.append(position)
        current = fields[position].model if position < len(fields) else None
    return tuple(key)
