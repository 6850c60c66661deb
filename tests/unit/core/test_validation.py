"""One validation over the model: each kind of problem, from the model, the reader and check."""

import datetime as dt
import json

from postdesk.core.drafts.files import parse_draft
from postdesk.core.drafts.model import CastMember, Draft, Film, Post, Publication
from postdesk.core.drafts.problems import Problem, ProblemKind
from postdesk.core.drafts.validation import validate
from tests.conftest import SEED_DRAFT

MISSING, INVALID, WARNING = ProblemKind.MISSING, ProblemKind.INVALID, ProblemKind.WARNING
TEMPLATES = ["review", "trailer-tuesday"]


def good() -> Draft:
    return Draft(film=Film(title="Heat", year=1995), post=Post(title="Heat, again"))


def found(draft: Draft) -> list[tuple[str, ProblemKind, str]]:
    return [(p.path, p.kind, p.message) for p in validate(draft, TEMPLATES)]


def test_a_good_draft_has_no_problem() -> None:
    assert validate(good(), TEMPLATES) == []


def test_a_blank_required_field_is_missing_wherever_it_is() -> None:
    draft = good()
    draft.post.title = "  "
    draft.film.cast = [CastMember("Al Pacino"), CastMember("")]
    draft.publications = [Publication(account="", post_id=3)]
    assert found(draft) == [
        ("film.cast[1].name", MISSING, "must not be empty"),
        ("post.title", MISSING, "must not be empty"),
        ("published[0].account", MISSING, "must not be empty"),
    ]


def test_values_out_of_range_or_unknown_are_invalid() -> None:
    draft = good()
    draft.film.year = 95
    draft.post.review_rating = 7.0
    draft.post.status = "live"
    draft.post.template = "fancy"
    assert found(draft) == [
        ("film.year", INVALID, "95 is not between 1870 and 2200"),
        ("post.template", INVALID, '"fancy" is not a known template (review, trailer-tuesday)'),
        ("post.review_rating", INVALID, "7 is not between 0 and 5"),
        ("post.status", INVALID, '"live" is not a post status (draft, pending, publish, future)'),
    ]


def test_without_the_template_list_the_template_is_not_checked() -> None:
    draft = good()
    draft.post.template = "fancy"
    assert validate(draft) == []


def test_what_loads_but_will_not_come_out_as_meant_is_a_warning() -> None:
    draft = good()
    draft.film.synopsis = "With @[Nobody Here]."
    draft.film.trailer_url = "javascript:alert(1)"
    draft.post.status = "future"
    problems = validate(draft, TEMPLATES)
    assert [(p.path, p.kind) for p in problems] == [
        ("film.synopsis", WARNING),
        ("film.trailer_url", WARNING),
        ("post.publish_at", WARNING),
    ]
    assert not any(p.blocking for p in problems)


def test_only_warnings_let_a_draft_be_saved() -> None:
    assert Problem("x", "y", MISSING).blocking and Problem("x", "y", INVALID).blocking
    assert not Problem("x", "y", WARNING).blocking
    assert Problem("x", "y").kind is INVALID  # a problem is an error unless said otherwise


def test_a_scheduled_post_with_a_date_is_fine() -> None:
    draft = good()
    draft.post.status = "future"
    draft.post.publish_at = dt.datetime(2030, 1, 1, 9, 0, tzinfo=dt.UTC)
    assert validate(draft, TEMPLATES) == []


def test_the_reader_reports_the_same_rules_at_the_files_positions() -> None:
    data = {
        "postdesk": 1,
        "film": {"title": "Heat", "year": 95, "cast": [None, {"name": " "}]},
        "post": {"title": "", "template": "fancy"},
    }
    draft, problems = parse_draft(json.dumps(data), TEMPLATES)
    assert draft is not None
    assert [(p.path, p.kind) for p in problems] == [
        ("film.year", INVALID),
        ("film.cast[0]", MISSING),
        ("film.cast[1].name", MISSING),  # the file's second actor, though the first is dropped
        ("post.title", MISSING),
        ("post.template", INVALID),
    ]


def test_a_file_without_a_whole_draft_still_reports_every_rule_it_can() -> None:
    data = {"postdesk": 1, "film": {"year": 95}, "post": {"title": "", "status": "live"}}
    draft, problems = parse_draft(json.dumps(data), TEMPLATES)
    assert draft is None
    assert [str(p) for p in problems] == [
        "film.title: is missing",
        "film.year: 95 is not between 1870 and 2200",
        "post.title: must not be empty",
        'post.status: "live" is not a post status (draft, pending, publish, future)',
    ]
    assert problems[0].kind is MISSING


def test_the_reader_and_validate_agree_on_a_real_draft() -> None:
    draft, problems = parse_draft(SEED_DRAFT.read_text(encoding="utf-8"), TEMPLATES)
    assert draft is not None
    assert problems == validate(draft, TEMPLATES) == []
