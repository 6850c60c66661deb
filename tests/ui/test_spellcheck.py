"""Spell check in the real window: red underline, suggestions, and a word list that persists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from postdesk.ui.markdown_editor import MarkdownEdit
from tests.ui.conftest import WindowFactory


def underlined(editor: MarkdownEdit) -> list[str]:
    """The words the highlighter draws with a spell-check underline, as the user sees them."""
    words = []
    block = editor.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return words


def test_a_misspelt_word_is_underlined_with_suggestions_and_can_be_added(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    window = make_window(home=home)
    synopsis = window.form.film.synopsis
    qtbot.waitUntil(lambda: bool(synopsis.spell_highlighter))
    window.form.film.title.setText("Dune: Part Two")
    synopsis.setPlainText("Paul rides a wurm across the dessert plannet in Dune with @[Zendya].")
    qtbot.waitUntil(lambda: underlined(synopsis) == ["wurm", "plannet"])

    text = synopsis.toPlainText()
    rect = synopsis.cursorRect(_cursor_at(synopsis, text.index("plannet") + 2))
    menu = synopsis.spelling_menu(rect.center())
    labels = [action.text() for action in menu.actions()]
    assert "planet" in labels[:6]
    assert "Add to dictionary" in labels and "Ignore" in labels

    add = next(a for a in menu.actions() if a.text() == "Add to dictionary")
    add.trigger()
    qtbot.waitUntil(lambda: underlined(synopsis) == ["wurm"])
    assert "plannet" in (home / "data" / "dictionary.txt").read_text(encoding="utf-8").split()


def _cursor_at(editor: MarkdownEdit, position: int) -> QTextCursor:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    return cursor
