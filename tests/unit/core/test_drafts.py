import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from postdesk.core.drafts.files import (
    draft_to_json,
    load_draft,
    parse_draft,
    read_draft,
    save_draft,
)
from postdesk.core.drafts.model import Publication, poster_path
from postdesk.core.drafts.problems import DraftError
from tests.conftest import EXAMPLES, SEED_DRAFT

TEMPLATES = ["trailer-tuesday", "release-announcement", "review"]


def minimal() -> dict[str, Any]:
    return {"postdesk": 1, "film": {"title": "Heat"}, "post": {"title": "Heat, again"}}


def write(tmp_path: Path, data: Any, name: str = "draft.postdesk") -> Path:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_seed_example_loads_with_every_field() -> None:
    draft = load_draft(SEED_DRAFT, TEMPLATES)
    assert draft.film.title == "1 Mile To You"
    assert draft.film.cast[0].known_for == "Quantico"
    assert [r.where for r in draft.film.releases] == ["VOD", "theaters"]
    assert str(draft.film.releases[0].date) == "2017-04-07"
    assert draft.post.template == "trailer-tuesday"


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.postdesk")), ids=lambda p: p.name)
def test_examples_load_and_are_stored_canonically(example: Path) -> None:
    draft = load_draft(example, TEMPLATES)
    assert draft_to_json(draft) == example.read_text(encoding="utf-8")


def test_only_the_titles_are_required(tmp_path: Path) -> None:
    draft = load_draft(write(tmp_path, minimal()))
    assert draft.film.cast == [] and draft.film.year is None and draft.post.status == "draft"
    assert draft.post.template == "trailer-tuesday"


def test_nulls_are_as_good_as_missing(tmp_path: Path) -> None:
    data = minimal()
    data["film"].update(dict.fromkeys(["year", "cast", "genres", "releases", "poster", "synopsis"]))
    data["post"].update(dict.fromkeys(["template", "status", "publish_at", "tags", "note"]))
    draft = load_draft(write(tmp_path, data))
    assert draft.film.cast == [] and draft.post.status == "draft"


def test_round_trip_is_stable_and_keeps_unknown_fields(tmp_path: Path) -> None:
    data = minimal()
    data["film"]["studio"] = {"name": "A24", "ids": [1, 2]}
    data["film"]["cast"] = [{"name": "Al Pacino", "billing": 1}]
    data["film"]["releases"] = [{"date": "1995-12-15", "where": "theaters", "region": "US"}]
    data["post"]["seo"] = {"slug": "heat"}
    data["published"] = [{"account": "blog", "post_id": 7, "link": "https://b/?p=7", "x": True}]
    data["added_by_a_script"] = ["kept"]
    path = write(tmp_path, data)
    save_draft(load_draft(path), path)
    first = path.read_bytes()
    save_draft(load_draft(path), path)
    assert path.read_bytes() == first
    saved = json.loads(first)
    assert saved["film"]["studio"] == {"name": "A24", "ids": [1, 2]}
    assert saved["film"]["cast"][0]["billing"] == 1
    assert saved["film"]["releases"][0]["region"] == "US"
    assert saved["post"]["seo"] == {"slug": "heat"}
    assert saved["published"][0]["x"] is True
    assert saved["added_by_a_script"] == ["kept"]


def test_saved_drafts_are_readable_utf8(tmp_path: Path) -> None:
    draft = load_draft(EXAMPLES / "02-les-etoiles-de-saint-malo.postdesk")
    path = tmp_path / "copy.postdesk"
    save_draft(draft, path)
    text = path.read_text(encoding="utf-8")
    assert "Małgorzata Wójcik" in text and "\\u" not in text
    assert text.startswith('{\n  "postdesk": 1,\n  "film": {\n    "title": ')


def test_a_relative_poster_is_relative_to_the_draft(tmp_path: Path) -> None:
    data = minimal()
    data["film"]["poster"] = "art/poster.jpg"
    folder = tmp_path / "drafts"
    folder.mkdir()
    draft = load_draft(write(folder, data))
    assert poster_path(draft, folder / "draft.postdesk") == folder / "art" / "poster.jpg"
    data["film"]["poster"] = "/abs/poster.jpg"
    assert poster_path(load_draft(write(folder, data)), folder / "draft.postdesk") == Path(
        "/abs/poster.jpg"
    )


def test_publications_are_recorded_per_account() -> None:
    draft = load_draft(SEED_DRAFT)
    draft.record_publication(Publication("main", 12, "https://b/?p=12"))
    draft.record_publication(Publication("main", 13, "https://b/?p=13"))
    draft.record_publication(Publication("other", 2, "https://c/?p=2"))
    assert [(p.account, p.post_id) for p in draft.publications] == [("main", 13), ("other", 2)]
    assert draft.publication_for("main") is not None
    assert draft.publication_for("nope") is None


def _with(path: str, value: Any) -> dict[str, Any]:
    data = minimal()
    *parents, last = path.split(".")
    target: Any = data
    for key in parents:
        target = target[key]
    target[last] = value
    return data


MALFORMED = [
    ("not json", "{not json", "not a postdesk draft: invalid JSON at line 1, column 2"),
    ("a list", "[1, 2]", "the file must hold a JSON object"),
    ("empty", "", "invalid JSON"),
    ("no version", {"film": {"title": "x"}, "post": {"title": "y"}}, "postdesk: is missing"),
    (
        "newer version",
        {**minimal(), "postdesk": 2},
        "postdesk: format version 2 was written by a newer postdesk",
    ),
    (
        "version text",
        {**minimal(), "postdesk": "1"},
        'postdesk: "1" is not a format version number',
    ),
    ("no film", {"postdesk": 1, "post": {"title": "y"}}, "film: is missing"),
    ("film a string", {**minimal(), "film": "Heat"}, 'film: "Heat" is not an object'),
    ("no film title", _with("film.title", None), "film.title: is missing"),
    ("blank post title", _with("post.title", "   "), "post.title: must not be empty"),
    ("year as text", _with("film.year", "1995"), 'film.year: "1995" is not a whole number'),
    ("year absurd", _with("film.year", 95), "film.year: 95 is not between 1870 and 2200"),
    (
        "runtime float",
        _with("film.runtime_minutes", 104.5),
        "film.runtime_minutes: 104.5 is not a whole number",
    ),
    (
        "runtime bool",
        _with("film.runtime_minutes", True),
        "film.runtime_minutes: true is not a whole number",
    ),
    ("genres string", _with("film.genres", "Drama"), 'film.genres: "Drama" is not a list'),
    ("genre number", _with("film.genres", ["Drama", 3]), "film.genres[1]: 3 is not text"),
    (
        "cast string",
        _with("film.cast", ["Tim Roth"]),
        'film.cast[0]: "Tim Roth" is not an object such as {"name": "Tim Roth"}',
    ),
    (
        "cast no name",
        _with("film.cast", [{"character": "Julian"}]),
        "film.cast[0].name: is missing",
    ),
    (
        "impossible date",
        _with("film.releases", [{"date": "2017-13-40", "where": "VOD"}]),
        'film.releases[0].date: "2017-13-40" is not a date',
    ),
    (
        "february 30",
        _with("film.releases", [{"date": "2017-02-30", "where": "VOD"}]),
        'film.releases[0].date: "2017-02-30" is not a date',
    ),
    (
        "date number",
        _with("film.releases", [{"date": 20170407, "where": "VOD"}]),
        "film.releases[0].date: 20170407 is not a date",
    ),
    (
        "release no venue",
        _with("film.releases", [{"date": "2017-04-07"}]),
        "film.releases[0].where: is missing",
    ),
    (
        "unknown template",
        _with("post.template", "fancy"),
        'post.template: "fancy" is not a known template',
    ),
    ("bad status", _with("post.status", "live"), 'post.status: "live" is not a post status'),
    (
        "bad publish time",
        _with("post.publish_at", "next tuesday"),
        'post.publish_at: "next tuesday" is not a date and time',
    ),
    (
        "rating too high",
        _with("post.review_rating", 7),
        "post.review_rating: 7 is not between 0 and 5",
    ),
    ("tags dict", _with("post.tags", {"a": 1}), 'post.tags: {"a": 1} is not a list'),
    ("trailer number", _with("film.trailer_url", 42), "film.trailer_url: 42 is not text"),
]


@pytest.mark.parametrize(("case", "content", "message"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_drafts_name_the_file_and_the_field(
    tmp_path: Path, case: str, content: Any, message: str
) -> None:
    path = write(tmp_path, content)
    before = path.read_bytes()
    with pytest.raises(DraftError) as caught:
        load_draft(path, TEMPLATES)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert path.read_bytes() == before


def test_every_problem_is_reported_not_only_the_first(tmp_path: Path) -> None:
    data = _with("film.year", "x")
    data["film"]["releases"] = [{"date": "2017-13-40", "where": "VOD"}, {"where": 3}]
    data["post"]["status"] = "live"
    draft, problems = read_draft(write(tmp_path, data), TEMPLATES)
    assert draft is not None
    assert [p.path for p in problems] == [
        "film.year",
        "film.releases[0].date",
        "film.releases[1].where",
        "post.status",
    ]
    with pytest.raises(DraftError, match=r"\(and 3 more problems\)"):
        load_draft(tmp_path / "draft.postdesk", TEMPLATES)


def test_missing_unreadable_and_binary_files(tmp_path: Path) -> None:
    with pytest.raises(DraftError, match="nope.postdesk: no such file"):
        load_draft(tmp_path / "nope.postdesk")
    with pytest.raises(DraftError, match="this is a folder"):
        load_draft(tmp_path)
    binary = tmp_path / "poster.postdesk"
    binary.write_bytes(b"\xff\xd8\xff\xe0JFIF")
    with pytest.raises(DraftError, match="not UTF-8 text"):
        load_draft(binary)


def test_a_scheduled_post_without_a_date_is_a_warning(tmp_path: Path) -> None:
    draft, problems = read_draft(write(tmp_path, _with("post.status", "future")))
    assert draft is not None
    assert [(p.path, p.blocking) for p in problems] == [("post.publish_at", False)]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
field_names = st.sampled_from(
    [
        "title",
        "year",
        "cast",
        "releases",
        "genres",
        "runtime_minutes",
        "poster",
        "name",
        "date",
        "where",
        "template",
        "status",
        "publish_at",
        "tags",
        "review_rating",
        "known_for",
    ]
)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    film=st.dictionaries(field_names, json_values, max_size=6),
    post=st.dictionaries(field_names, json_values, max_size=6),
)
def test_any_json_gives_a_draft_or_named_problems_never_a_crash(
    film: dict[str, Any], post: dict[str, Any]
) -> None:
    text = json.dumps({"postdesk": 1, "film": film, "post": post})
    draft, problems = parse_draft(text, TEMPLATES)
    blocking = [p for p in problems if p.blocking]
    assert draft is not None or blocking
    for problem in blocking:
        assert problem.path.startswith(("film", "post")), problem
    if draft is not None and not blocking:
        again, _ = parse_draft(draft_to_json(draft), TEMPLATES)
        assert again is not None and draft_to_json(again) == draft_to_json(draft)


def test_renaming_mentions_follows_the_cast_name_whatever_its_case() -> None:
    from postdesk.core.drafts.mentions import rename_mentions

    source = "A girl (@[Zendaya]) and @[ zendaya ] meet @[Tom Holland]."
    assert rename_mentions(source, "Zendaya", "Zendaya Coleman") == (
        "A girl (@[Zendaya Coleman]) and @[Zendaya Coleman] meet @[Tom Holland]."
    )
    assert rename_mentions(None, "A", "B") is None
    assert rename_mentions("@[A]", "A", "  ") == "@[A]"
