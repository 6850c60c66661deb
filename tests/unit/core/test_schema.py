"""The draft's one schema: reader, writer and the templates README all follow the model."""

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from postdesk.core.drafts.field_info import about
from postdesk.core.drafts.field_list import BEGIN, END, field_table, with_field_table
from postdesk.core.drafts.files import draft_to_json, parse_draft
from postdesk.core.drafts.model import Draft, Film, Post
from postdesk.core.drafts.schema import Shape, StructureReader, slots, to_json
from tests.conftest import SEED_DRAFT

README = Path(__file__).resolve().parents[3] / "resources" / "templates" / "README.md"

#: A value of each shape that no field has by default, so a field the writer or the reader
#: forgot cannot pass unnoticed.
SAMPLES: dict[Shape, Any] = {
    Shape.TEXT: "draft",  # one of the post statuses, and text anywhere else
    Shape.WHOLE: 2001,
    Shape.NUMBER: 4.5,
    Shape.DATE: dt.date(2017, 4, 7),
    Shape.MOMENT: dt.datetime(2026, 3, 1, 9, 30, tzinfo=dt.UTC),
    Shape.TEXTS: ["one", "two"],
}


def filled(model: type) -> Any:
    """An instance of ``model`` with every stored field set, found by walking the schema."""
    values: dict[str, Any] = {}
    for slot in slots(model):
        if slot.shape is Shape.OBJECT:
            values[slot.name] = filled(slot.model)  # type: ignore[arg-type]
        elif slot.shape is Shape.OBJECTS:
            values[slot.name] = [filled(slot.model)]  # type: ignore[arg-type]
        else:
            values[slot.name] = SAMPLES[slot.shape]
    return model(**values)


def test_every_field_of_the_model_survives_a_save_and_a_load() -> None:
    draft = filled(Draft)
    text = draft_to_json(draft)
    again, problems = parse_draft(text)
    assert [p for p in problems if p.blocking] == []
    assert again == draft
    assert draft_to_json(again) == text


def test_the_file_names_every_field_and_keeps_its_order() -> None:
    data = json.loads(draft_to_json(filled(Draft)))
    assert list(data) == ["postdesk", "film", "post", "published"]
    assert list(data["film"]) == [s.key for s in slots(Film)]
    assert list(data["post"])[:2] == ["template", "title"]  # as files have always had it
    assert list(data["film"]["releases"][0]) == ["date", "where"]
    assert data["film"]["releases"][0]["date"] == "2017-04-07"
    assert data["post"]["publish_at"] == "2026-03-01T09:30:00+00:00"


def test_the_seed_example_is_written_back_to_the_byte() -> None:
    text = SEED_DRAFT.read_text(encoding="utf-8")
    draft, _ = parse_draft(text)
    assert draft is not None and draft_to_json(draft) == text


@dataclass
class FilmWithMood(Film):
    """The model with one more field, as the next feature would add it."""

    mood: str | None = field(default=None, metadata=about("how the film feels"))


def test_a_new_field_is_read_written_checked_and_listed_without_another_edit() -> None:
    reader = StructureReader()
    film = reader.read(FilmWithMood, {"title": "Heat", "mood": "tense", "studio": "X"}, "film")
    assert film.mood == "tense" and film.extra == {"studio": "X"}
    assert list(to_json(film))[-2:] == ["mood", "studio"]  # known fields, then unknown ones
    reader.read(FilmWithMood, {"title": "Heat", "mood": 3}, "film")
    assert [str(p) for p in reader.problems] == ["film.mood: 3 is not text"]
    assert "| `film.mood` | how the film feels (text) |" in field_table({"film": FilmWithMood})


def test_a_field_the_file_cannot_hold_is_refused_by_name() -> None:
    @dataclass
    class Odd:
        when: complex = 0j

    with pytest.raises(TypeError, match="'when'"):
        slots(Odd)


def test_the_templates_readme_lists_the_models_fields() -> None:
    text = README.read_text(encoding="utf-8")
    assert text == with_field_table(text), "run scripts/update-field-list.py"
    listed = text.split(BEGIN)[1].split(END)[0]
    for part, model in {"film": Film, "post": Post}.items():
        for slot in slots(model):
            assert f"| `{part}.{slot.key}` |" in listed


def test_a_readme_without_the_markers_is_an_error_not_a_silent_pass() -> None:
    with pytest.raises(ValueError, match="markers"):
        with_field_table("# no table here\n")
