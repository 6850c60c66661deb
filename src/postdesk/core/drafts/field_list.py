"""The draft's fields as a Markdown table, for the templates README: written from the model."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from postdesk.core.drafts.schema import EDITED_PARTS, Shape, Slot, join, slots

BEGIN = "<!-- the draft's fields: written from model.py by scripts/update-field-list.py -->"
END = "<!-- end of the draft's fields -->"


def field_table(parts: Mapping[str, type] = EDITED_PARTS) -> str:
    """One row per field a template can use, ``film.title`` to ``post.publish_at``."""
    rows = ["| name | what it holds |", "| --- | --- |"]
    for part, model in parts.items():
        rows += [f"| `{path}` | {holds} |" for path, holds in _rows(model, part)]
    return "\n".join(rows)


def with_field_table(readme: str) -> str:
    """``readme`` with the table between its markers written afresh.

    Raises:
        ValueError: the markers are missing.
    """
    head, begin, rest = readme.partition(BEGIN)
    _, end, tail = rest.partition(END)
    if not begin or not end:
        raise ValueError(f"the README has no {BEGIN!r} … {END!r} markers")
    return f"{head}{BEGIN}\n{field_table()}\n{END}{tail}"


def _rows(model: type, prefix: str) -> Iterator[tuple[str, str]]:
    for slot in slots(model):
        path = join(prefix, slot.key)
        yield path, f"{slot.info.doc} ({_kind(slot)})"
        if slot.shape is Shape.OBJECTS and slot.model is not None:
            yield from _rows(slot.model, f"{path}[]")


def _kind(slot: Slot) -> str:
    kind = {Shape.OBJECTS: "a list; each item has the fields below"}.get(
        slot.shape, slot.shape.value
    )
    if slot.info.between:
        low, high = slot.info.between
        kind += f", {low} to {high}"
    if slot.info.choices:
        kind += ": " + ", ".join(f"`{choice}`" for choice in slot.info.choices)
    if slot.required:
        kind += ", required"
    return kind
