"""The draft: the facts of one film plus the choices for one post."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postdesk.core.drafts.stamp import FileStamp

FORMAT_VERSION = 1
DRAFT_SUFFIX = ".postdesk"
DEFAULT_TEMPLATE = "trailer-tuesday"
POST_STATUSES = ("draft", "pending", "publish", "future")

JsonDict = dict[str, Any]


@dataclass
class CastMember:
    """One actor, credited by their best-known work: Graham Rogers, “Quantico”."""

    name: str
    character: str | None = None
    known_for: str | None = None
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Release:
    """Where and when the film comes out: ("VOD", April 7th)."""

    where: str
    date: dt.date | None = None
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Film:
    """The film's facts, as a press kit gives them."""

    title: str
    year: int | None = None
    tagline: str | None = None
    synopsis: str | None = None
    genres: list[str] = field(default_factory=list)
    runtime_minutes: int | None = None
    rating: str | None = None
    cast: list[CastMember] = field(default_factory=list)
    directors: list[str] = field(default_factory=list)
    writers: list[str] = field(default_factory=list)
    releases: list[Release] = field(default_factory=list)
    trailer_url: str | None = None
    poster: str | None = None
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Post:
    """The blogger's choices for the post about the film."""

    title: str
    template: str = DEFAULT_TEMPLATE
    note: str | None = None
    question: str | None = None
    review_rating: float | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    status: str = "draft"
    publish_at: dt.datetime | None = None
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Publication:
    """Where a draft was published, so that publishing again updates the same post."""

    account: str
    post_id: int
    link: str
    modified_gmt: str | None = None
    content_hash: str | None = None
    featured_media: int | None = None
    poster_hash: str | None = None
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Draft:
    """A whole draft as stored in one ``.postdesk`` file."""

    film: Film
    post: Post
    publications: list[Publication] = field(default_factory=list)
    extra: JsonDict = field(default_factory=dict)
    #: The file as this draft last read or wrote it: a save refuses to replace another
    #: program's change (the window, ``postdesk fill`` and the publish record alike).
    disk: FileStamp | None = field(default=None, compare=False, repr=False)

    def publication_for(self, account: str) -> Publication | None:
        """Where this draft was published on ``account``, if it was."""
        return next((p for p in self.publications if p.account == account), None)

    def record_publication(self, publication: Publication) -> None:
        """Remember a publication, replacing an older one on the same account."""
        self.publications = [p for p in self.publications if p.account != publication.account]
        self.publications.append(publication)


def new_draft() -> Draft:
    """An empty draft for the "New" command: only the required titles, blank."""
    return Draft(film=Film(title=""), post=Post(title=""))


def poster_path(draft: Draft, draft_file: Path | None) -> Path | None:
    """The poster as a file path; a relative one is relative to the draft file's folder."""
    if not draft.film.poster:
        return None
    poster = Path(draft.film.poster).expanduser()
    if poster.is_absolute() or draft_file is None:
        return poster
    return draft_file.resolve().parent / poster
