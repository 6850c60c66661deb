"""What a blog engine does for a publish: the operations the one publish flow drives.

The flow (:mod:`~postdesk.core.publish.flow`) keeps every promise a publish makes (one post
and one poster per draft and blog, conflicts caught, nothing recorded on failure) and asks
the engine only for operations on the blog, and for what the engine's posts look like.
WordPress (:mod:`~postdesk.core.publish.wordpress.engine`) and Ghost
(:mod:`~postdesk.core.publish.ghost.engine`) implement it over their clients.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from postdesk.core.drafts.model import Draft, Publication
from postdesk.core.publish.accounts import Account
from postdesk.core.render.templates import TemplateLibrary

Terms = dict[str, list[Any]]
"""Term references per taxonomy (``categories``, ``tags``): ids, or names where the blog
takes names."""


@dataclass(frozen=True)
class BlogPost:
    """A post as the blog has it, in the words the flow needs."""

    id: str
    link: str
    status: str
    slug: str
    title: str
    version: str
    """What an edit on the blog changes (WordPress ``modified_gmt``, Ghost ``updated_at``)."""
    image: str | None = None
    """Its featured image: a media id, or an address."""
    terms: Terms = field(default_factory=dict)
    raw: Any = field(default=None, compare=False, repr=False)
    """The engine's own record of the post."""


class BlogOperations(Protocol):
    """The requests a publish makes, whatever the blog runs."""

    account: Account

    def verify(self) -> None:
        """Reach the blog and check the account's secret works."""

    def find_posts(self, slug: str) -> list[BlogPost]:
        """The posts carrying ``slug``, in any status but deleted."""

    def read_post(self, post_id: str) -> BlogPost | None:
        """The post as it is now (for the conflict check), or ``None`` when deleted."""

    def create_post(self, fields: Mapping[str, Any]) -> BlogPost:
        """Create a post; never sent twice (the flow looks the slug up after a loss)."""

    def update_post(self, post: BlogPost, fields: Mapping[str, Any]) -> BlogPost:
        """Send ``fields`` over ``post``, moving it to the status they ask for."""

    def upload_image(self, path: Path, digest: str, name: str, alt: str) -> str:
        """Upload the poster (content hash ``digest``, named after ``name``); its reference."""

    def find_image(self, path: Path, digest: str) -> str | None:
        """The reference of an earlier upload of exactly this poster, if the blog holds it."""

    def image_exists(self, image: str, post: BlogPost | None) -> bool:
        """Whether a recorded image is still on the blog (``post`` may show it)."""

    def resolve_terms(self, names: Mapping[str, list[str]]) -> Terms:
        """The references of the terms named per taxonomy, created when new."""


class PostShape(Protocol):
    """What the engine's posts and records look like."""

    def post_fields(
        self,
        draft: Draft,
        draft_file: Path | None,
        status: str,
        *,
        library: TemplateLibrary,
        image: str | None,
        terms: Terms,
        existing: BlogPost | None,
    ) -> dict[str, Any]:
        """The post to send for ``draft`` (without the slug: the flow chooses it)."""

    def is_ours(self, post: BlogPost, fields: Mapping[str, Any]) -> bool:
        """Whether ``post`` already carries exactly the content of ``fields``."""

    def edited_since(self, post: BlogPost, record: Publication) -> bool:
        """Whether the post was changed on the blog since postdesk recorded it."""

    def check_sent(self, post: BlogPost, fields: Mapping[str, Any], created: bool) -> None:
        """Raise when the blog did not take what was sent (a featured image it ignored)."""

    def publication(
        self, post: BlogPost, image: str | None, digest: str | None, previous: Publication | None
    ) -> Publication:
        """The draft's record of ``post``."""

    def recorded_id(self, record: Publication) -> str:
        """The post id a record names (older Ghost records keep it among their extras)."""

    def recorded_image(self, record: Publication) -> str | None:
        """The featured image a record names."""


class BlogEngine(BlogOperations, PostShape, Protocol):
    """A blog engine: its operations and the shape of its posts."""
