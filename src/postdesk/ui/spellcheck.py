"""Red underlines and suggestions in the prose fields, from Enchant's system dictionaries.

The checker is shared by every field: one dictionary, the blogger's word list, and a cache
of answers. Enchant is imported on the first check, after the window shows, and the
underlining (:mod:`postdesk.ui.spell_highlighter`) and the suggestions menu
(:mod:`postdesk.ui.spelling_menu`) load when first needed, so start-up pays for neither.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QSettings, Signal
from PySide6.QtGui import QColor

from postdesk.core.paths import UserDirs
from postdesk.core.spelling import (
    Word,
    add_user_word,
    draft_words,
    read_user_words,
    user_words_file,
    words_to_check,
)

if TYPE_CHECKING:
    import enchant  # type: ignore[import-untyped]

#: Where the chosen dictionary is remembered in the window's QSettings.
LANGUAGE_KEY = "spelling/language"
#: The underline colour: a red that reads on light and dark fields alike.
UNDERLINE = QColor("#e53935")


def system_language() -> str:
    """The system locale's language ("en_US"), which Enchant names its dictionaries by."""
    name = QLocale.system().name()
    return name if name and name not in ("C", "POSIX") else "en_US"


class _Notifier(QObject):
    """Tells the open fields that the word list or the language changed."""

    changed = Signal()


class SpellChecker:
    """One dictionary, the blogger's word list and the words ignored this session."""

    def __init__(self) -> None:
        self._dict: enchant.Dict | None = None
        self._language = system_language()
        self._dirs: UserDirs | None = None  # the window's folders; the user's own until then
        self._user_words: set[str] = set()  # read when checking starts, not before the window
        self._ignored: set[str] = set()
        self._cache: dict[str, bool] = {}
        self._settings: QSettings | None = None
        self._started = False
        self._names: frozenset[str] = frozenset()
        self._name_words: frozenset[str] = frozenset()
        self.known_names: Callable[[], Iterable[str]] = tuple
        self.notifier = _Notifier()

    def use_dirs(self, dirs: UserDirs) -> None:
        """Keep the word list in ``dirs``' data folder (the window's folders, --config-dir)."""
        self._dirs = dirs
        if self._started:
            self._user_words = read_user_words(self._words_file)

    @property
    def _words_file(self) -> Path:
        return user_words_file(self._dirs or UserDirs.default())

    def use_settings(self, settings: QSettings) -> None:
        """Take the language chosen last time (else the system's) and remember new choices."""
        self._settings = settings
        chosen = settings.value(LANGUAGE_KEY, "")
        language = str(chosen) if chosen else system_language()
        if language != self._language:
            self.set_language(language)

    @property
    def language(self) -> str:
        """The dictionary's language, such as "en_US"."""
        return self._language

    def set_language(self, language: str) -> None:
        """Switch dictionaries; every field is checked again."""
        self._language, self._dict = language, None
        self._cache.clear()
        if self._settings is not None and language != system_language():
            self._settings.setValue(LANGUAGE_KEY, language)
        elif self._settings is not None:
            self._settings.remove(LANGUAGE_KEY)  # follow the system again
        self._rehighlight()

    def languages(self) -> list[str]:
        """The dictionaries installed on the system."""
        import enchant

        return sorted(enchant.list_languages())

    @property
    def started(self) -> bool:
        """Whether :meth:`start` was called (before it, nothing is underlined)."""
        return self._started

    def start(self) -> None:
        """Begin underlining (the window calls this once its first preview has painted)."""
        if not self._started:
            self._started = True
            self._user_words = read_user_words(self._words_file)
            self._rehighlight()

    def misspelt(self, text: str) -> list[Word]:
        """The words of ``text`` to underline (the draft's own names never are).

        Nothing before :meth:`start`: loading Enchant's dictionary takes a moment.
        """
        if not self._started:
            return []
        names = frozenset(self.known_names())
        if names != self._names:
            self._names, self._name_words = names, draft_words(names)
        words = words_to_check(text, self._name_words)
        return [word for word in words if not self.is_correct(word.text)]

    def is_correct(self, word: str) -> bool:
        """Whether ``word`` is spelt right (cached; words of the user's list always are)."""
        if word in self._user_words or word in self._ignored:
            return True
        answer = self._cache.get(word)
        if answer is None:
            dictionary = self._dictionary()
            answer = dictionary is None or dictionary.check(word)
            self._cache[word] = answer
        return answer

    def suggestions(self, word: str) -> list[str]:
        """A few corrections, best first."""
        dictionary = self._dictionary()
        return dictionary.suggest(word)[:6] if dictionary is not None else []

    def add(self, word: str) -> None:
        """Add ``word`` to the blogger's dictionary for good."""
        add_user_word(self._words_file, word)
        self._user_words.add(word)
        self._rehighlight()

    def ignore(self, word: str) -> None:
        """Stop flagging ``word`` until postdesk closes."""
        self._ignored.add(word)
        self._rehighlight()

    def _dictionary(self) -> enchant.Dict | None:
        """Enchant's dictionary, loaded on first use; ``None`` when the language has none."""
        if self._dict is None:
            import enchant

            try:
                self._dict = enchant.Dict(self._language)
            except enchant.errors.DictNotFoundError:
                self._dict = enchant.Dict("en_US") if enchant.dict_exists("en_US") else None
        return self._dict

    def names_changed(self) -> None:
        """The draft's names changed: a name typed in the synopsis may no longer be a mistake."""
        self._rehighlight()

    def _rehighlight(self) -> None:
        """Check every open field again (Qt disconnects the fields of closed windows).

        Not before :meth:`start`: nothing is underlined yet, and the fields attach their
        highlighters on this signal, which must not happen while the window starts.
        """
        if self._started:
            self.notifier.changed.emit()


_shared: SpellChecker | None = None


def shared_checker() -> SpellChecker:
    """The one checker all fields share (one dictionary, one word list)."""
    global _shared
    if _shared is None:
        _shared = SpellChecker()
    return _shared
