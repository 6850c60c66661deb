"""Which words of a text a spell checker should look at, and the user's own word list.

Qt-free so the rules are unit-tested alone; the editor's highlighter only asks the
dictionary about the words this module hands it, one text block at a time.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from postdesk.core.atomic import write_atomic
from postdesk.core.paths import UserDirs

# The patterns are compiled on the first check (``re`` keeps them), not on import: the window
# loads this module before its first frame, and compiling them took ~1.5 ms of it.
#: Spans that are Markdown or HTML syntax, links or mentions: never spell-checked.
_SKIPPED = r"""(?x)
      @\[[^\]]*\]                 # @[Cast Name] mentions
    | `[^`]*`                     # inline code
    | \]\([^)]*\)                 # the target of a Markdown link
    | <[^>]*>                     # HTML tags
    | (?:https?://|www\.)\S+      # bare addresses
    | \S+@\S+\.\S+                # e-mail addresses
"""
#: A word: letters, with inner apostrophes or hyphens ("don't", "sci-fi").
_WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"


class Word(NamedTuple):
    """One word to check, with its place in the text so the editor can underline it.

    A named tuple: a 20,000-word synopsis makes 20,000 of them on its first check.
    """

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
    for word in candidate_words(text):
        if word.text.casefold() not in known_words:
            yield word


@lru_cache(maxsize=8192)
def candidate_words(text: str) -> tuple[Word, ...]:
    """The words of ``text`` worth a look, whatever the names: cached by text.

    Finding the words is most of a check's cost, and it depends on the text alone: when
    the draft's names or the word list change, every paragraph is checked again, and then
    only the set look-ups are done anew.
    """
    skipped = [m.span() for m in re.finditer(_SKIPPED, text)]
    starts = [start for start, _end in skipped]
    found = []
    for match in re.finditer(_WORD, text):
        at = bisect_right(starts, match.start()) - 1  # the last skipped span starting before
        if at >= 0 and match.start() < skipped[at][1]:
            continue
        word = match.group()
        if len(word) >= 2 and not _is_acronym(word):
            found.append(Word(match.start(), word))
    return tuple(found)


def draft_words(names: Iterable[str]) -> frozenset[str]:
    """Every single word of the draft's names, case-folded ("Dune: Part Two" gives three)."""
    return frozenset(w.casefold() for name in names for w in re.findall(_WORD, name))


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
