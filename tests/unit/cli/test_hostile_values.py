"""Values no form would produce, in a draft or a template: a message naming where, no traceback."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from postdesk.core.drafts.files import parse_draft
from tests.conftest import SEED_DRAFT
from tests.unit.cli.test_draft_commands import assert_clean_failure, postdesk


def draft_with(tmp_path: Path, change: Any) -> Path:
    data = json.loads(SEED_DRAFT.read_text(encoding="utf-8"))
    change(data)
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # to write the 5,000-digit year at all
    try:
        text = json.dumps(data)
    finally:
        sys.set_int_max_str_digits(limit)
    path = tmp_path / "hostile.postdesk"
    path.write_text(text, encoding="utf-8")
    return path


def huge_year(data: Any) -> None:
    data["film"]["year"] = 10**5000


def huge_unknown_field(data: Any) -> None:
    data["film"]["cast"][1]["votes"] = -(10**5000)


@pytest.mark.parametrize(
    ("change", "field"),
    [(huge_year, "film.year"), (huge_unknown_field, "film.cast[1].votes")],
)
@pytest.mark.parametrize("command", ["check", "render", "export"])
def test_a_5000_digit_number_is_named_not_a_traceback(
    tmp_path: Path, change: Any, field: str, command: str
) -> None:
    path = draft_with(tmp_path, change)
    assert_clean_failure(postdesk(command, path), f"{field}: a number with 5,001 digits")


def surrogate_in(where: str) -> Any:
    def change(data: Any) -> None:
        if where == "film.title":
            data["film"]["title"] = "1 Mile \ud800To You"
        elif where == "post.note":
            data["post"]["note"] = "Watch it\udfff"
        elif where == "film.cast[0].name":
            data["film"]["cast"][0]["name"] = "\ud800"
        elif where == "post.mood":  # a field postdesk does not know, kept on save
            data["post"]["mood"] = "\ud83d"
        else:  # a key of an unknown field
            data["post"]["\ud800"] = 1

    return change


SURROGATE_FIELDS = ["film.title", "post.note", "film.cast[0].name", "post.mood", "post"]


@pytest.mark.parametrize("field", SURROGATE_FIELDS)
def test_check_names_the_field_with_a_lone_surrogate(tmp_path: Path, field: str) -> None:
    path = draft_with(tmp_path, surrogate_in(field))
    result = postdesk("check", path)
    assert_clean_failure(result, f"{path}: error: {field}: ")
    assert "broken character" in result.stdout
    assert "UnicodeEncodeError" not in result.stdout + result.stderr


@pytest.mark.parametrize("command", ["render", "export", "publish"])
def test_no_command_meets_a_unicode_encode_error(tmp_path: Path, command: str) -> None:
    path = draft_with(tmp_path, surrogate_in("post.note"))
    result = postdesk(command, path)
    assert_clean_failure(result, "post.note: has a broken character")
    assert "UnicodeEncodeError" not in result.stdout + result.stderr


def test_the_reader_reports_every_such_value_with_its_path() -> None:
    text = (
        SEED_DRAFT.read_text(encoding="utf-8")
        .replace('"year": 2017', '"year": 1' + "0" * 5000)
        .replace('"title": "1 Mile To You"', '"title": "1 Mile \\ud800To You"', 1)
    )
    draft, problems = parse_draft(text)
    assert draft is None
    assert [p.path for p in problems] == ["film.title", "film.year"]
    assert all(p.blocking for p in problems)


TEMPLATES = {
    "filesize": "{{ (10**1000000)|filesizeformat }}",
    "power": "{% set n = 1000000 %}{{ 10**n }}",
    "product": "{% set n = 10**4000 %}{{ n * n * n * n }}",
    "repeat": "{{ 'x' * 10**9 }}",
    "literal": "{{ 1" + "0" * 5000 + " }}",
    "float": "{{ (10**300 * 1.0) ** 10 }}",
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_huge_numbers_in_a_template_are_a_template_error(tmp_path: Path, name: str) -> None:
    home = tmp_path / "home"
    folder = home / "data" / "templates"
    folder.mkdir(parents=True)
    header = "{#- title: Huge\n    description: numbers -#}\n"
    (folder / "huge.html").write_text(header + "<p>" + TEMPLATES[name] + "</p>\n")
    result = postdesk("--config-dir", home, "render", "--template", "huge", SEED_DRAFT)
    # A literal fails while the template is compiled, before it has lines to run.
    where = "template “huge”: " if name == "literal" else "template “huge”, line 3: "
    assert_clean_failure(result, where)
    assert "too big" in result.stderr
