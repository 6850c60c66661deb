"""One validation of a draft, over the model: the reader, ``postdesk check`` and the form use it.

The reader checks only that each value has the right shape; what a value must be (a title
that is not blank, a year in range, a known template, a date for a scheduled post) is checked
here, on the :class:`Draft` itself, so the form can ask on every keystroke without writing
the draft out as JSON first.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from postdesk.core.drafts.checks import content_warnings
from postdesk.core.drafts.model import Draft, Post
from postdesk.core.drafts.problems import Problem, ProblemKind, describe
from postdesk.core.drafts.schema import Part, Shape, Slot, join, path_order, slots


def validate(draft: Draft, templates: Collection[str] | None = None) -> list[Problem]:
    """Every problem in ``draft``, in the order of its fields, each with its kind.

    Args:
        draft: the draft as read or as the form holds it.
        templates: the template names that exist; ``None`` does not check the template.
    """
    return in_field_order([*_all_field_problems(draft, ""), *_draft_problems(draft, templates)])


def read_problems(
    parts: Iterable[Part], draft: Draft | None, templates: Collection[str] | None
) -> list[Problem]:
    """The rules of :func:`validate`, for the reader: over the values as the file holds them.

    The reader drops a list item it cannot use (a cast member without a name), so the
    model's positions are not the file's; checking the values read, part by part, names the
    file's ``film.cast[1].name``. A file that gives no whole draft is checked too, as far as
    it goes, so one run reports every problem.
    """
    found = [p for part in parts for p in field_problems(part.model, part.values, part.path)]
    if draft is not None:
        return found + _draft_problems(draft, templates)
    for part in parts:
        if part.model is Post and "template" in part.values:
            found += _template_problems(part.values["template"], templates)
    return found


def _draft_problems(draft: Draft, templates: Collection[str] | None) -> list[Problem]:
    """The rules over more than one field, or over what a field says."""
    return [
        *_template_problems(draft.post.template, templates),
        *_schedule_problems(draft.post),
        *content_warnings(draft),
    ]


def in_field_order(problems: list[Problem]) -> list[Problem]:
    """``problems`` sorted as the fields stand in a file (stable for problems of one field)."""
    return sorted(problems, key=lambda problem: path_order(problem.path, Draft))


def _all_field_problems(obj: Any, path: str) -> Iterator[Problem]:
    model: type = type(obj)
    yield from field_problems(model, vars(obj), path)
    for slot in slots(model):
        value = getattr(obj, slot.name)
        where = join(path, slot.key)
        if slot.shape is Shape.OBJECT:
            yield from _all_field_problems(value, where)
        elif slot.shape is Shape.OBJECTS:
            for index, item in enumerate(value):
                yield from _all_field_problems(item, f"{where}[{index}]")


def field_problems(model: type, values: Mapping[str, Any], path: str) -> Iterator[Problem]:
    """The rules ``model`` states for each of its fields in ``values`` (not of its parts)."""
    for slot in slots(model):
        if slot.name in values and slot.shape not in (Shape.OBJECT, Shape.OBJECTS):
            yield from _value_problems(slot, values[slot.name], join(path, slot.key))


def _value_problems(slot: Slot, value: Any, path: str) -> Iterator[Problem]:
    if slot.required and slot.shape is Shape.TEXT and not value.strip():
        # Kept in the draft, so the editor can show an untitled one; a load or save refuses it.
        yield Problem(path, "must not be empty", ProblemKind.MISSING)
    if slot.info.between and value is not None:
        low, high = slot.info.between
        if not low <= value <= high:
            yield Problem(path, f"{_number(value)} is not between {low} and {high}")
    choices = slot.info.choices
    if choices and value not in choices:
        allowed = ", ".join(choices)
        yield Problem(path, f"{describe(value)} is not {slot.info.choice_of} ({allowed})")


def _number(value: float) -> str:
    """A number as the file most likely wrote it: 7 rather than 7.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _template_problems(template: str, templates: Collection[str] | None) -> list[Problem]:
    if templates is None or template in templates:
        return []
    known = ", ".join(sorted(templates))
    return [Problem("post.template", f"{describe(template)} is not a known template ({known})")]


def _schedule_problems(post: Post) -> Iterator[Problem]:
    if post.status == "future" and post.publish_at is None:
        message = "a scheduled post needs a publish date"
        yield Problem("post.publish_at", message, ProblemKind.WARNING)
