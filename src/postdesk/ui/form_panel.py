"""The form side of the window: the film, its cast and credits, and the post, in tabs.

The Film tab is built with the window; the Cast & credits and Post tabs when first needed
(opened, asked for, or on a quiet turn after the first preview, see ``ui/startup.py``), so
the window shows sooner. Until then the draft last shown holds their values.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QScrollArea, QTabWidget, QWidget

from postdesk.core.drafts.checks import poster_problems
from postdesk.core.drafts.model import Draft, new_draft
from postdesk.core.drafts.problems import Problem, ProblemKind
from postdesk.core.drafts.schema import field_labels
from postdesk.core.drafts.validation import in_field_order, validate
from postdesk.core.render.templates import TemplateInfo
from postdesk.ui import startup
from postdesk.ui.fields import Field
from postdesk.ui.film_form import FilmForm
from postdesk.ui.spellcheck import shared_checker

if TYPE_CHECKING:
    from postdesk.ui.credits_form import CreditsForm
    from postdesk.ui.post_form import PostForm

#: How long the draft's names must stay put before the prose is checked against them again.
NAMES_SETTLE_MS = 400


def _scrolling(widget: QWidget | None = None) -> QScrollArea:
    area = QScrollArea()
    if widget is not None:
        area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def form_problems(draft: Draft, anchor: Path | None) -> list[Problem]:
    """Every problem the form should mark: ``validate`` over the draft, and the poster file.

    Asked on every keystroke, over the model itself: the draft is not written out as JSON
    and read back, and its values need no look for unreadable ones (Qt drops lone
    surrogates, and the numbers come from spin boxes).
    """
    return in_field_order(validate(draft) + poster_problems(draft, anchor, blocking=False))


class FormPanel(QTabWidget):
    """Edits a draft; emits ``edited`` on every change the user makes."""

    edited = Signal()
    template_changed = Signal(str)
    cast_renamed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._credits: CreditsForm | None = None
        self._post: PostForm | None = None
        self._shown = new_draft()  # the values of the tabs not built yet
        self._templates: list[TemplateInfo] = []
        self._messages: dict[str, str] = {}  # problems, also for fields not built yet
        self.film = FilmForm(self._cast_names)
        self._credits_area = _scrolling()
        self._post_area = _scrolling()
        self.addTab(_scrolling(self.film), "&Film")
        self.addTab(self._credits_area, "&Cast && credits")
        self.addTab(self._post_area, "Pos&t")
        self.setDocumentMode(True)
        self.fields: dict[str, Field] = dict(self.film.fields)
        self._proposed = ""
        self.film.edited.connect(self.edited)
        self.currentChanged.connect(self._build_tab)
        self._names = self.draft_names()
        self._names_timer = QTimer(self)
        self._names_timer.setSingleShot(True)
        self._names_timer.setInterval(NAMES_SETTLE_MS)
        self._names_timer.timeout.connect(self._on_names_settled)
        self.edited.connect(self._names_timer.start)
        shared_checker().known_names = lambda: self._names

    # -- the tabs built when first needed ------------------------------------------------------

    @property
    def credits(self) -> CreditsForm:
        """The Cast & credits tab (built now if it was not yet)."""
        if self._credits is None:
            credits = startup.credits_form()
            credits.show_film(self._shown.film)
            credits.edited.connect(self.edited)
            credits.cast.model.renamed.connect(self.cast_renamed)
            self._credits = credits
            self._credits_area.setWidget(credits)
        return self._credits

    @property
    def post(self) -> PostForm:
        """The Post tab (built now if it was not yet)."""
        if self._post is None:
            post = startup.post_form()
            post.set_templates(self._templates)
            post.show_post(self._shown.post)
            post.edited.connect(self.edited)
            post.template_changed.connect(self.template_changed)
            self._post = post
            self._post_area.setWidget(post)
            self.fields.update(post.fields)
            for key, field in post.fields.items():
                field.set_problem(self._messages.get(key))
        return self._post

    @property
    def built(self) -> bool:
        """Whether every tab is built."""
        return self._credits is not None and self._post is not None

    def build_tabs(self) -> None:
        """Build the tabs not built yet (on a quiet turn, before the blogger opens them)."""
        self._build_tab(1)
        self._build_tab(2)

    def _build_tab(self, index: int) -> None:
        if index == 1:
            self.credits  # noqa: B018 - built on first access
        elif index == 2:
            self.post  # noqa: B018 - built on first access

    def _cast_names(self) -> list[str]:
        return self.credits.cast.names()

    # -- the draft ------------------------------------------------------------------------------

    def draft_names(self) -> frozenset[str]:
        """The draft's own names, which spell check never flags: title, cast, characters, crew."""
        if self._credits is None:
            film = self._shown.film
            cast, directors, writers = film.cast, film.directors, film.writers
        else:
            cast = self._credits.cast.cast()
            directors, writers = self._credits.directors.items(), self._credits.writers.items()
        return frozenset(
            [
                self.film.title.text(),
                *(member.name for member in cast),
                *(member.character or "" for member in cast),
                *directors,
                *writers,
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
        series = self._template_title()
        if not film:
            return ""
        return f"{series}: {film}" if series else film

    def propose_title(self) -> bool:
        """Fill the post title with the proposal while the blogger has not written their own.

        The title follows the film title and the template as long as it is empty or still
        the last proposal; once typed over, it is the blogger's and stays. True if changed.
        """
        proposal = self.proposed_title()
        current = self._shown.post.title if self._post is None else self._post.title.text()
        following = current.strip() in ("", self._proposed)
        self._proposed = proposal
        if not following or not proposal or current == proposal:
            return False
        blocked = self.post.title.blockSignals(True)
        self.post.title.setText(proposal)
        self.post.title.blockSignals(blocked)
        return True

    def _template_title(self) -> str:
        if self._post is not None:
            return self._post.template_title()
        name = self._shown.post.template
        return next((t.title for t in self._templates if t.name == name), "")

    def set_templates(self, templates: list[TemplateInfo]) -> None:
        """The templates the chooser offers."""
        self._templates = templates
        if self._post is not None:
            self._post.set_templates(templates)

    def show_draft(self, draft: Draft, base_dir: Path | None) -> None:
        """Fill every field from ``draft``."""
        self._shown = draft
        self.film.show_film(draft.film, base_dir)
        if self._credits is not None:
            self._credits.show_film(draft.film)
        if self._post is not None:
            self._post.show_post(draft.post)
        self._on_names_settled()
        self._proposed = self.proposed_title()

    def collect(self, draft: Draft) -> Draft:
        """A new draft: ``draft`` with the form's values (unknown fields and records kept).

        A tab not built yet cannot have been edited: ``draft`` still holds its values.
        """
        film = self.film.collect(draft.film)
        if self._credits is not None:
            film = self._credits.collect(film)
        post = draft.post if self._post is None else self._post.collect(draft.post)
        return dataclasses.replace(draft, film=film, post=post)

    def mark_problems(self, problems: list[Problem]) -> None:
        """Mark each field a problem names; clear the others."""
        messages: dict[str, str] = {}
        for problem in problems:
            key = problem.path.split("[")[0]
            messages.setdefault(key, _sentence(problem))
        self._messages = messages
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
