"""The form side of the window: the film, its cast and credits, and the post, in tabs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from postdesk.core.drafts.checks import poster_problems
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.problems import Problem, ProblemKind
from postdesk.core.drafts.schema import field_labels
from postdesk.core.drafts.validation import in_field_order, validate
from postdesk.core.render.templates import TemplateInfo
from postdesk.ui.credits_form import CreditsForm
from postdesk.ui.fields import Field
from postdesk.ui.film_form import FilmForm
from postdesk.ui.post_form import PostForm
from postdesk.ui.spellcheck import shared_checker

#: How long the draft's names must stay put before the prose is checked against them again.
NAMES_SETTLE_MS = 400


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def form_problems(draft: Draft, draft_file: Path | None, base_dir: Path | None) -> list[Problem]:
    """Every problem the form should mark: ``validate`` over the draft, and the poster file.

    Asked on every keystroke, over the model itself: the draft is not written out as JSON
    and read back, and its values need no look for unreadable ones (Qt drops lone
    surrogates, and the numbers come from spin boxes).
    """
    anchor = draft_file or (base_dir / "untitled.postdesk" if base_dir else None)
    return in_field_order(validate(draft) + poster_problems(draft, anchor, blocking=False))


class FormPanel(QTabWidget):
    """Edits a draft; emits ``edited`` on every change the user makes."""

    edited = Signal()
    template_changed = Signal(str)
    cast_renamed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.credits = CreditsForm()
        self.film = FilmForm(self.credits.cast.names)
        self.post = PostForm()
        self.addTab(_scrolling(self.film), "&Film")
        self.addTab(_scrolling(self.credits), "&Cast && credits")
        self.addTab(_scrolling(self.post), "Pos&t")
        self.setDocumentMode(True)
        self.fields: dict[str, Field] = {**self.film.fields, **self.post.fields}
        self._proposed = ""
        for form in (self.film, self.credits, self.post):
            form.edited.connect(self.edited)
        self.post.template_changed.connect(self.template_changed)
        self.credits.cast.model.renamed.connect(self.cast_renamed)
        self._names = self.draft_names()
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.setInterval(NAMES_SETTLE_MS)
        self._names_timer.timeout.connect(self._on_names_settled)
        self.edited.connect(self._names_timer.start)
        shared_checker().known_names = lambda: self._names

    def draft_names(self) -> frozenset[str]:
        """The draft's own names, which spell check never flags: title, cast, characters, crew."""
        cast = self.credits.cast.cast()
        return frozenset(
            [
                self.film.title.text(),
                *(member.name for member in cast),
                *(member.character or "" for member in cast),
                *self.credits.directors.items(),
                *self.credits.writers.items(),
            ]
        )

    def _on_names_settled(self) -> None:
        names = self.draft_names()
        if names != self._names:
            self._names = names
            shared_checker().names_changed()

    def rename_mentions(self, old: str, new: str) -> bool:
        """Carry a renamed cast member's mentions along in the synopsis and the note."""
        editors = (self.film.synopsis, self.post.note)
        return any([editor.rename_mention(old, new) for editor in editors])

    def proposed_title(self) -> str:
        """The post title the form proposes: "Trailer Park Tuesday: Dune: Part Two"."""
        film = " ".join(self.film.title.text().split())
        series = self.post.template_title()
        if not film:
            return ""
        return f"{series}: {film}" if series else film

    def propose_title(self) -> bool:
        """Fill the post title with the proposal while the blogger has not written their own.

        The title follows the film title and the template as long as it is empty or still
        the last proposal; once typed over, it is the blogger's and stays. True if changed.
        """
        proposal = self.proposed_title()
        current = self.post.title.text()
        following = current.strip() in ("", self._proposed)
        self._proposed = proposal
        if not following or not proposal or current == proposal:
            return False
        blocked = self.post.title.blockSignals(True)
        self.post.title.setText(proposal)
        self.post.title.blockSignals(blocked)
        return True

    def set_templates(self, templates: list[TemplateInfo]) -> None:
        """The templates the chooser offers."""
        self.post.set_templates(templates)

    def show_draft(self, draft: Draft, base_dir: Path | None) -> None:
        """Fill every field from ``draft``."""
        self.film.show_film(draft.film, base_dir)
        self.credits.show_film(draft.film)
        self.post.show_post(draft.post)
        self._on_names_settled()
        self._proposed = self.proposed_title()

    def collect(self, draft: Draft) -> Draft:
        """A new draft: ``draft`` with the form's values (unknown fields and records kept)."""
        film = self.credits.collect(self.film.collect(draft.film))
        post = self.post.collect(draft.post)
        return dataclasses.replace(draft, film=film, post=post)

    def mark_problems(self, problems: list[Problem]) -> None:
        """Mark each field a problem names; clear the others."""
        messages: dict[str, str] = {}
        for problem in problems:
            key = problem.path.split("[")[0]
            if key in self.fields:
                messages.setdefault(key, _sentence(problem))
        for key, field in self.fields.items():
            field.set_problem(messages.get(key))


#: Field paths as the form labels them, for messages about a field (from the model).
FIELD_LABELS = field_labels()


def labelled(problem: Problem) -> str:
    """A problem as the blogger reads it: "Post title: needed" rather than "post.title: …"."""
    key = problem.path.split("[")[0]
    label = FIELD_LABELS.get(key, problem.path)
    message = "needed" if problem.kind is ProblemKind.MISSING else problem.message
    return f"{label}: {message}" if label else message


def _sentence(problem: Problem) -> str:
    if problem.kind is ProblemKind.MISSING:
        return "Needed: the draft cannot be saved without it."
    text = problem.message
    return text[0].upper() + text[1:] if text else text
