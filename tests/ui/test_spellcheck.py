"""Spell check in the real window: red underline, suggestions, and a word list that persists."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import draft_to_json
from postdesk.core.drafts.model import CastMember, new_draft
from postdesk.ui.markdown_editor import MarkdownEdit
from postdesk.ui.spell_line_edit import SpellLineEdit
from postdesk.ui.spellcheck import shared_checker, system_language
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


def dune_draft(folder: Path) -> Path:
    """A draft whose names no dictionary knows: the film's own words must never be flagged."""
    draft = new_draft()
    draft.film.title = "Dune: Part Two"
    draft.film.cast = [CastMember("Zendaya", "Chani"), CastMember("Austin Butler", "Feyd-Rautha")]
    draft.film.directors = ["Thaddeus Quorn"]
    draft.post.title = "Trailer Park Tuesday, Dune: Part Two"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "dune.postdesk"
    path.write_text(draft_to_json(draft), encoding="utf-8")
    return path


def red_underline_pixels(field: SpellLineEdit) -> int:
    """How many clearly red pixels the field shows below the middle of its text."""
    image = field.grab().toImage()
    count = 0
    for y in range(image.height() // 2, image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            count += colour.red() > 170 and colour.green() < 110 and colour.blue() < 110
    return count


def type_into(qtbot: QtBot, field: SpellLineEdit, text: str) -> None:
    field.selectAll()
    qtbot.keyClicks(field, text)


def test_tagline_question_and_post_title_underline_mistakes_but_not_the_drafts_names(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(dune_draft(tmp_path / "drafts"))
    tagline = window.form.film.tagline
    window.form.setCurrentIndex(2)  # the Post tab: its fields are checked once shown
    question, post_title = window.form.post.question, window.form.post.title

    type_into(qtbot, tagline, "Chani and Feyd-Rautha ride the wurm for Quorn")
    type_into(qtbot, question, "Will you see it in IMAX this weekk?")
    qtbot.waitUntil(lambda: tagline.misspelt_words() == ["wurm"])
    qtbot.waitUntil(lambda: question.misspelt_words() == ["weekk"])
    assert post_title.misspelt_words() == []  # "Dune: Part Two" is the film's own title
    assert red_underline_pixels(question) > 10
    assert red_underline_pixels(post_title) == 0
    assert window.document.draft.post.question == "Will you see it in IMAX this weekk?"


def test_a_suggestion_replaces_the_word_and_add_to_dictionary_clears_every_field(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    window = make_window(dune_draft(tmp_path / "drafts"), home=home)
    tagline, synopsis = window.form.film.tagline, window.form.film.synopsis
    type_into(qtbot, tagline, "A desert plannet and a grinfluencer")
    synopsis.setPlainText("The grinfluencer rides again.")
    qtbot.waitUntil(lambda: tagline.misspelt_words() == ["plannet", "grinfluencer"])
    qtbot.waitUntil(lambda: underlined(synopsis) == ["grinfluencer"])

    menu = tagline.spelling_menu(tagline.text().index("plannet") + 2)
    labels = [action.text() for action in menu.actions()]
    assert "planet" in labels[:6] and "Add to dictionary" in labels and "Ignore" in labels
    next(a for a in menu.actions() if a.text() == "planet").trigger()
    assert tagline.text() == "A desert planet and a grinfluencer"
    assert window.document.draft.film.tagline == "A desert planet and a grinfluencer"

    menu = tagline.spelling_menu(tagline.text().index("grinfluencer"))
    next(a for a in menu.actions() if a.text() == "Add to dictionary").trigger()
    qtbot.waitUntil(lambda: tagline.misspelt_words() == [] and underlined(synopsis) == [])
    assert "grinfluencer" in (home / "data" / "dictionary.txt").read_text().split()


def test_the_chosen_language_is_remembered_and_the_system_locale_is_the_default(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    window = make_window(home=home)
    checker = shared_checker()
    assert checker.language == system_language()
    menu = window.form.film.tagline.spelling_menu(0)
    languages = next(a.menu() for a in menu.actions() if a.text() == "Spelling language")
    assert [a.text() for a in languages.actions() if a.isChecked()] == [system_language()]

    checker.set_language("en_GB")
    window.document._set_modified(False)
    window.close()
    make_window(home=home)
    assert shared_checker().language == "en_GB"
    make_window(home=tmp_path / "another home")
    assert shared_checker().language == system_language()


def test_a_long_synopsis_is_checked_in_the_background_while_typing_goes_on(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    synopsis = window.form.film.synopsis
    qtbot.waitUntil(lambda: bool(synopsis.spell_highlighter))
    shared_checker().start()
    paragraphs = [f"Paragraph {n} where the plannet turns." for n in range(1000)]
    synopsis.setPlainText("\n".join(paragraphs))
    qtbot.wait(1)  # the next key comes in a later turn of the event loop
    _cursor_at(synopsis, 0).insertText("Teh ")
    first = synopsis.document().firstBlock()
    assert [first.text()[f.start : f.start + f.length] for f in first.layout().formats()] == [
        "Teh",
        "plannet",
    ]
    highlighter = synopsis.spell_highlighter
    qtbot.waitUntil(lambda: not highlighter.checking, timeout=60_000)  # type: ignore[union-attr]
    assert underlined(synopsis) == ["Teh"] + ["plannet"] * 1000


def test_underlining_again_is_not_an_edit(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    window.files.new()
    synopsis = window.form.film.synopsis
    qtbot.waitUntil(lambda: bool(synopsis.spell_highlighter))
    shared_checker().names_changed()  # every field is checked again
    qtbot.waitUntil(lambda: not synopsis.spell_highlighter.checking)  # type: ignore[union-attr]
    assert not window.isWindowModified()
    assert all(field.note.isHidden() for field in window.form.fields.values())
