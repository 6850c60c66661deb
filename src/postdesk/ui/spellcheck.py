"""Red underlines and suggestions in the prose fields, from Enchant's system dictionaries.

Enchant is imported on the first check, after the window shows, so start-up pays nothing.
QSyntaxHighlighter re-checks only the edited block and each word's answer is cached, so a
keystroke in a long synopsis costs one paragraph's look-ups at most. A whole long text to
check (spell check starting, a draft opened, a new name, a word added) is looked at a slice
at a time between events, then underlined in one pass from the caches, so typing never
waits for it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QSettings, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu

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
#: How long one turn of the event loop may spend checking before the rest waits for the next
#: turns: well under a frame, so a key pressed meanwhile is handled at once.
SLICE_SECONDS = 0.008


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
        self._words_file: Path = user_words_file(UserDirs.default())
        self._user_words: set[str] = read_user_words(self._words_file)
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
        self._words_file = user_words_file(dirs)
        self._user_words = read_user_words(self._words_file)

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

    def start(self) -> None:
        """Begin underlining (the window calls this once its first preview has painted)."""
        if not self._started:
            self._started = True
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
        """Check every open field again (Qt disconnects the fields of closed windows)."""
        self.notifier.changed.emit()


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines the misspelt words of one text document, block by block.

    Qt asks for every block at once when a whole text is set; past a slice of time in one
    turn, the remaining blocks stay plain for now and are checked in the background (see
    :meth:`recheck_all`). Re-underlining block by block would cost a relayout each.
    """

    def __init__(self, document: QTextDocument, checker: SpellChecker) -> None:
        super().__init__(document)
        self._checker = checker
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self._format.setUnderlineColor(UNDERLINE)
        self._to_check: list[str] = []  # block texts still to look at, last first
        self._turn_started: float | None = None
        self._underlining = False
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._check_slice)
        checker.notifier.changed.connect(self.recheck_all)

    @property
    def checking(self) -> bool:
        """Whether a background check is under way (its underlines are still to come)."""
        return self._timer.isActive()

    def recheck_all(self) -> None:
        """Look at every block a slice at a time, then underline all of them in one pass."""
        texts = []
        block = self.document().firstBlock()
        while block.isValid():
            texts.append(block.text())
            block = block.next()
        self._to_check = texts[::-1]
        self._timer.start()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Underline each word of this block the dictionary does not know."""
        if not self._underlining and self._over_budget():
            if not self._timer.isActive():
                QTimer.singleShot(0, self.recheck_all)  # after Qt's pass over the new text
            return
        for word in self._checker.misspelt(text):
            self.setFormat(word.start, len(word.text), self._format)

    def _over_budget(self) -> bool:
        now = time.perf_counter()
        if self._turn_started is None:
            self._turn_started = now
            QTimer.singleShot(0, self._end_turn)
        return now - self._turn_started > SLICE_SECONDS

    def _end_turn(self) -> None:
        self._turn_started = None

    def _check_slice(self) -> None:
        """Fill the checker's caches for one slice of time; underline all once done."""
        deadline = time.perf_counter() + SLICE_SECONDS
        while self._to_check and time.perf_counter() < deadline:
            self._checker.misspelt(self._to_check.pop())
        if self._to_check:
            return
        self._timer.stop()
        self._underlining = True  # answers are cached now: the whole pass is quick
        try:  # no edit: the editors report edits only when characters change
            self.rehighlight()
        finally:
            self._underlining = False


def add_spelling_actions(
    menu: QMenu, checker: SpellChecker, word: str, replace: Callable[[str], None]
) -> None:
    """Top ``menu`` with suggestions for misspelt ``word``, Add to dictionary and Ignore."""
    if not menu.actions():
        menu.addSeparator()
    first = menu.actions()[0]
    for suggestion in checker.suggestions(word) or ["(no suggestions)"]:
        action = QAction(suggestion, menu)
        action.triggered.connect(lambda _=False, s=suggestion: replace(s))
        action.setEnabled(suggestion != "(no suggestions)")
        menu.insertAction(first, action)
    add = QAction("Add to dictionary", menu)
    add.triggered.connect(lambda _=False: checker.add(word))
    ignore = QAction("Ignore", menu)
    ignore.triggered.connect(lambda _=False: checker.ignore(word))
    menu.insertActions(first, [add, ignore])
    menu.insertSeparator(first)


def add_language_menu(menu: QMenu, checker: SpellChecker) -> None:
    """A "Spelling language" submenu: the installed dictionaries, the current one checked."""
    languages = menu.addMenu("Spelling language")
    group = QActionGroup(languages)
    for language in checker.languages():
        action = languages.addAction(language)
        action.setCheckable(True)
        action.setChecked(language == checker.language)
        group.addAction(action)
        action.triggered.connect(lambda _=False, n=language: checker.set_language(n))


_shared: SpellChecker | None = None


def shared_checker() -> SpellChecker:
    """The one checker all fields share (one dictionary, one word list)."""
    global _shared
    if _shared is None:
        _shared = SpellChecker()
    return _shared
