"""A new draft in the real window: no alarms before typing, a hint, a proposed title, its length."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import Dialogs, WindowFactory, page_text, wait_for_preview


def test_a_new_draft_shows_no_needed_before_typing_and_the_preview_says_what_to_fill(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.files.new()
    text = wait_for_preview(qtbot, window, "Fill in next")
    assert "Title (Film tab)" in text and "Synopsis (Film tab)" in text
    notes = [field.note for field in window.form.fields.values()]
    assert all(note.isHidden() for note in notes)
    assert window.length_label.text() == "No words yet"
    window.outputs.setCurrentIndex(1)  # the HTML the blog receives has no hint
    qtbot.waitUntil(lambda: "Fill in next" not in window.html_view.toPlainText())


def test_the_post_title_is_proposed_from_the_template_and_film_until_typed_over(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.files.new()
    window.form.setCurrentIndex(0)
    qtbot.keyClicks(window.form.film.title, "Dune: Part Two")
    assert window.form.post.title.text() == "Trailer Park Tuesday: Dune: Part Two"
    wait_for_preview(qtbot, window, "Trailer Park Tuesday: Dune: Part Two")
    chooser = window.form.post.template
    chooser.setCurrentIndex(chooser.findData("review"))
    assert window.form.post.title.text() == "Review: Dune: Part Two"
    assert window.document.draft.post.title == "Review: Dune: Part Two"
    window.form.post.title.selectAll()
    qtbot.keyClicks(window.form.post.title, "My Dune review")
    qtbot.keyClicks(window.form.film.title, " (2024)")
    assert window.form.post.title.text() == "My Dune review"
    notes = [field.note for field in window.form.fields.values()]
    assert all(note.isHidden() for note in notes)


def test_the_status_bar_shows_the_length_of_the_post(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    assert window.length_label.text() == "224 words · 1 min read"
    assert "Fill in next" not in str(page_text(qtbot, window))


def test_publish_checks_first_and_names_fields_as_the_form_does(
    qtbot: QtBot, make_window: WindowFactory, dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: asked.append("file") or ("", "")
    )
    window = make_window()
    window.files.new()
    window.publishing.publish()
    assert asked == []  # no file name asked for a draft that cannot be published
    assert any(
        "Not ready to publish" in m and "• Film title: needed" in m and "• Post title: needed" in m
        for m in dialogs.warnings
    )
    assert not window.form.fields["post.title"].note.isHidden()
    dialogs.warnings.clear()
    qtbot.keyClicks(window.form.film.title, "Heat")
    status = window.form.post.status
    status.setCurrentIndex(status.findData("future"))
    window.publishing.publish()
    assert asked == []
    assert any("• Publish date: a scheduled post needs a date and time" in m
               for m in dialogs.warnings)  # fmt: skip


class Recolour(QSyntaxHighlighter):
    """Underlines every block, as the spell checker does with a misspelt word."""

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        underline = QTextCharFormat()
        underline.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.setFormat(0, len(text), underline)


def test_spell_checking_a_new_draft_is_not_an_edit(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Re-colouring is not an edit: no "Needed", no modified mark on an untouched new draft.

    The spell checker re-colours the synopsis and note as it starts and when the cast names
    settle.
    """
    window = make_window()
    window.files.new()
    wait_for_preview(qtbot, window, "Fill in next")
    editors = (window.form.film.synopsis, window.form.post.note)
    for editor in editors:
        editor.set_markdown("Paul Atreides")  # as if opened so: no edit signalled
        Recolour(editor.document()).rehighlight()  # what spelling does when names settle
    qtbot.wait(300)  # longer than the form's debounce: an edit would have shown by now
    notes = [field.note for field in window.form.fields.values()]
    assert all(note.isHidden() for note in notes)
    assert not window.document.modified
