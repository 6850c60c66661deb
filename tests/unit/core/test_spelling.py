"""What the spell checker looks at: prose words only, never the draft's names or Markdown syntax."""

from __future__ import annotations

from pathlib import Path

from postdesk.core.paths import UserDirs
from postdesk.core.spelling import (
    add_user_word,
    read_user_words,
    user_words_file,
    words_to_check,
)


def texts(text: str, known: tuple[str, ...] = ()) -> list[str]:
    return [w.text for w in words_to_check(text, known)]


def test_words_keep_their_place_for_the_underline() -> None:
    words = list(words_to_check("A dessert plannet"))
    assert [(w.start, w.end, w.text) for w in words] == [(2, 9, "dessert"), (10, 17, "plannet")]


def test_mentions_code_links_and_tags_are_skipped() -> None:
    text = "@[Zendya] rides `wurm` to [the sietch](https://exmple.com/x) <em>ok</em>"
    assert texts(text) == ["rides", "to", "the", "sietch", "ok"]


def test_draft_names_are_never_flagged() -> None:
    known = ("Dune: Part Two", "Timothée Chalamet", "Denis Villeneuve", "Paul Atreides")
    assert texts("Chalamet plays Atreides for Villeneuve", known) == ["plays", "for"]


def test_acronyms_numbers_and_single_letters_are_skipped() -> None:
    assert texts("At SXSW on 11 March, a 4K print of sci-fi don't") == [
        "At",
        "on",
        "March",
        "print",
        "of",
        "sci-fi",
        "don't",
    ]


def test_user_words_persist_in_the_data_folder(tmp_path: Path) -> None:
    path = user_words_file(UserDirs.default(tmp_path))
    assert read_user_words(path) == set()
    add_user_word(path, "Arrakis")
    add_user_word(path, "Fremen")
    assert path.is_relative_to(tmp_path / "data")
    assert read_user_words(path) == {"Arrakis", "Fremen"}
