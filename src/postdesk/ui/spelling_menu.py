"""The spelling part of a field's context menu: suggestions, Add, Ignore and the language.

Loaded when a context menu first opens.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from postdesk.ui.spellcheck import SpellChecker


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
