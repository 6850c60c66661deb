"""The draft: the facts of one film plus the choices for one post."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postdesk.core.drafts.field_info import about
from postdesk.core.drafts.stamp import FileStamp

FORMAT_VERSION = 1
DRAFT_SUFFIX = ".postdesk"
DEFAULT_TEMPLATE = "trailer-tuesday"
POST_STATUSES = ("draft", "pending", "publish", "future")
EARLIEST_FILM_YEAR = 1870
LATEST_FILM_YEAR = 2200
MAX_REVIEW_RATING = 5
#: Blog ids are positive 64-bit numbers.
LARGEST_ID = 2**63

JsonDict = dict[str, Any]


@dataclass
class CastMember:
    """One actor, credited by their best-known work: Graham Rogers, “Quantico”."""

    name: str = field(metadata=about("the actor's name"))
    character: str | None = field(default=None, metadata=about("the part they play"))
    known_for: str | None = field(
        default=None, metadata=about("their best-known film or series: “Quantico”")
    )
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Release:
    """Where and when the film comes out: ("VOD", April 7th)."""

    where: str = field(metadata=about("the venue: theaters, VOD, SXSW, Netflix…"))
    date: dt.date | None = field(
        default=None, metadata=about("the day it comes out there", written_first=True)
    )
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Film:
    """The film's facts, as a press kit gives them."""

    title: str = field(metadata=about("the film's title", label="Film title"))
    year: int | None = field(
        default=None,
        metadata=about(
            "the year it came out", label="Year", between=(EARLIEST_FILM_YEAR, LATEST_FILM_YEAR)
        ),
    )
    tagline: str | None = field(
        default=None, metadata=about("the poster's one line", label="Tagline")
    )
    synopsis: str | None = field(
        default=None,
        metadata=about("the story in Markdown; use the `markdown` filter", label="Synopsis"),
    )
    genres: list[str] = field(default_factory=list, metadata=about("genres", label="Genres"))
    runtime_minutes: int | None = field(
        default=None,
        metadata=about("the length in minutes", label="Runtime", between=(1, 6000)),
    )
    rating: str | None = field(default=None, metadata=about("PG-13, R…", label="Rated"))
    cast: list[CastMember] = field(
        default_factory=list,
        metadata=about(
            "the actors, in billing order",
            label="Cast",
            item='an object such as {"name": "Tim Roth"}',
        ),
    )
    directors: list[str] = field(
        default_factory=list, metadata=about("the directors", label="Directors")
    )
    writers: list[str] = field(default_factory=list, metadata=about("the writers", label="Writers"))
    releases: list[Release] = field(
        default_factory=list,
        metadata=about(
            "where and when it comes out",
            label="Releases",
            item='an object such as {"date": "2017-04-07", "where": "theaters"}',
        ),
    )
    trailer_url: str | None = field(
        default=None,
        metadata=about("the trailer's address as typed; `trailer` is its embed", label="Trailer"),
    )
    poster: str | None = field(
        default=None,
        metadata=about(
            "the poster's file as typed; `poster` is what the post can show", label="Poster"
        ),
    )
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Post:
    """The blogger's choices for the post about the film."""

    title: str = field(metadata=about("the post's title", label="Post title"))
    template: str = field(
        default=DEFAULT_TEMPLATE,
        metadata=about(
            "the film template's name",
            label="Template",
            written_first=True,
            blank_is_default=True,
        ),
    )
    note: str | None = field(
        default=None, metadata=about("your own words, in Markdown", label="Your note")
    )
    question: str | None = field(
        default=None, metadata=about("a question for your readers", label="Question")
    )
    review_rating: float | None = field(
        default=None,
        metadata=about(
            "your rating; `stars` and `rating_text` show it",
            label="Your rating",
            between=(0, MAX_REVIEW_RATING),
        ),
    )
    categories: list[str] = field(
        default_factory=list, metadata=about("the blog categories", label="Categories")
    )
    tags: list[str] = field(default_factory=list, metadata=about("the blog tags", label="Tags"))
    status: str = field(
        default="draft",
        metadata=about(
            "what publishing does with the post",
            label="Status",
            choices=POST_STATUSES,
            choice_of="a post status",
        ),
    )
    publish_at: dt.datetime | None = field(
        default=None,
        metadata=about("when a scheduled post goes out", label="Publish date"),
    )
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Publication:
    """Where a draft was published, so that publishing again updates the same post."""

    account: str = field(metadata=about("the blog account's name"))
    post_id: int = field(
        metadata=about(
            "the post's id on the blog",
            between=(1, LARGEST_ID),
            missing="missing: the id of the published post",
        )
    )
    link: str = field(default="", metadata=about("the post's address"))
    modified_gmt: str | None = field(
        default=None, metadata=about("when the blog last changed the post")
    )
    content_hash: str | None = field(
        default=None, metadata=about("a hash of what postdesk sent, for the conflict check")
    )
    featured_media: int | None = field(
        default=None, metadata=about("the uploaded poster's id", between=(1, LARGEST_ID))
    )
    poster_hash: str | None = field(default=None, metadata=about("the uploaded poster's hash"))
    extra: JsonDict = field(default_factory=dict)


@dataclass
class Draft:
    """A whole draft as stored in one ``.postdesk`` file."""

    film: Film = field(metadata=about("the film's facts"))
    post: Post = field(metadata=about("the post about it"))
    publications: list[Publication] = field(
        default_factory=list, metadata=about("where the draft was published", key="published")
    )
    extra: JsonDict = field(default_factory=dict)
    #: The file as this draft last read or wrote it: a save refuses to replace another
    #: program's change (the window, ``postdesk fill`` and the publish record alike).
    disk: FileStamp | None = field(
        default=None, compare=False, repr=False, metadata=about("", stored=False)
    )

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
