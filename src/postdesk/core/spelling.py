"""Which words of a text a spell checker should look at, and the user's own word list.

Qt-free so the rules are unit-tested alone; the editor's highlighter only asks the
dictionary about the words this module hands it, one text block at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from postdesk.core.atomic import write_atomic
from postdesk.core.paths import UserDirs

#: Spans that are Markdown or HTML syntax, links or mentions: never spell-checked.
_SKIPPED = re.compile(
    r"""
      @\[[^\]]*\]                 # @[Cast Name] mentions
    | `[^`]*`                     # inline code
    | \]\([^)]*\)                 # the target of a Markdown link
    | <[^>]*>                     # HTML tags
    | (?:https?://|www\.)\S+      # bare addresses
    | \S+@\S+\.\S+                # e-mail addresses
    """,
    re.VERBOSE,
)
#: A word: letters, with inner apostrophes or hyphens ("don't", "sci-fi").
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Word:
    """One word to check, with its place in the text so the editor can underline it."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Where the word stops (exclusive)."""
        return self.start + len(self.text)


def words_to_check(text: str, known: Iterable[str] = ()) -> Iterator[Word]:
    """The words of ``text`` outside Markdown syntax and mentions, minus ``known`` ones.

    ``known`` holds the draft's own names (film title, cast, characters, director):
    a blogger's proper nouns are never flagged. A frozenset is taken as :func:`draft_words`
    already made (callers checking many blocks against the same names make it once).
    """
    known_words = known if isinstance(known, frozenset) else draft_words(known)
    skipped = [m.span() for m in _SKIPPED.finditer(text)]
    for match in _WORD.finditer(text):
        if any(start <= match.start() < end for start, end in skipped):
            continue
        word = match.group()
        if len(word) < 2 or word.casefold() in known_words or _is_acronym(word):
            continue
        yield Word(match.start(), word)


def draft_words(names: Iterable[str]) -> frozenset[str]:
    """Every single word of the draft's names, case-folded ("Dune: Part Two" gives three)."""
    return frozenset(w.casefold() for name in names for w in _WORD.findall(name))


def _is_acronym(word: str) -> bool:
    """All-caps words (SXSW, TIFF) are names, not misspellings."""
    return len(word) > 1 and word.isupper()


def user_words_file(dirs: UserDirs) -> Path:
    """The blogger's personal dictionary ("Add to dictionary"), kept in the data folder."""
    return dirs.data / "dictionary.txt"


def read_user_words(path: Path) -> set[str]:
    """The words added so far; a missing or unreadable file is an empty list, never an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in text.splitlines() if line.strip()}


def add_user_word(path: Path, word: str) -> None:
    """Add ``word`` to the personal dictionary, written atomically so a crash keeps the old list."""
    words = read_user_words(path) | {word.strip()}
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, ("\n".join(sorted(words)) + "\n").encode("utf-8"))
