"""The form marks fields by the kind of problem, from the model, not by the core's wording."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.model import new_draft
from postdesk.core.drafts.problems import Problem, ProblemKind
from postdesk.core.drafts.reader import DraftReader
from postdesk.core.drafts.schema import StructureReader
from postdesk.ui.form_panel import FormPanel, form_problems, labelled


def test_a_missing_value_reads_needed_whatever_the_core_calls_it(qtbot: QtBot) -> None:
    form = FormPanel()
    qtbot.addWidget(form)
    reworded = Problem("post.title", "is blank (reworded one day)", ProblemKind.MISSING)
    invalid = Problem("film.trailer_url", "not a web address", ProblemKind.INVALID)
    form.mark_problems([reworded, invalid])
    form.setCurrentIndex(2)  # the Post tab, built when first opened, shows the mark
    assert form.fields["post.title"].note.text() == "Needed: the draft cannot be saved without it."
    assert form.fields["film.trailer_url"].note.text() == "Not a web address"
    assert labelled(reworded) == "Post title: needed"
    assert labelled(invalid) == "Trailer: not a web address"


def test_the_forms_problems_come_from_the_model_without_a_json_round_trip(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("the form read the draft back from JSON to check it")

    monkeypatch.setattr(DraftReader, "read", refuse)
    monkeypatch.setattr(StructureReader, "read", refuse)
    draft = new_draft()
    draft.film.year = 95
    problems = form_problems(draft, None)
    assert [(p.path, p.kind) for p in problems] == [
        ("film.title", ProblemKind.MISSING),
        ("film.year", ProblemKind.INVALID),
        ("post.title", ProblemKind.MISSING),
    ]
