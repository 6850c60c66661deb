"""Ghost behind the publish flow's engine interface: its Admin API client, its post fields.

The poster is uploaded under a name made from its content hash, so an upload whose answer was
lost is found again in the site's images folder. Posts are updated with the ``updated_at``
postdesk saw, so Ghost itself refuses (409) a post edited meanwhile. Ghost's ids are hex
strings: records keep them as ``ghost_post_id`` beside a number made from them.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft, Publication
from postdesk.core.drafts.posters import read_poster
from postdesk.core.publish.engine import BlogPost, Terms
from postdesk.core.publish.fingerprints import content_hash, poster_slug
from postdesk.core.publish.ghost.client import GhostClient, GhostPost
from postdesk.core.publish.ghost.fields import going_live_fields, post_fields
from postdesk.core.publish.wordpress.errors import ConflictError
from postdesk.core.render.templates import TemplateLibrary

GHOST_ID = "ghost_post_id"
GHOST_IMAGE = "ghost_feature_image"


class GhostEngine:
    """One account's Ghost site, as the publish flow drives it."""

    def __init__(self, client: GhostClient) -> None:
        self.client = client
        self.account = client.account

    # -- operations ------------------------------------------------------------------------------

    def verify(self) -> None:
        """Check the address is a Ghost site and the Admin API key works."""
        self.client.discover()

    def find_posts(self, slug: str) -> list[BlogPost]:
        """The post carrying ``slug`` (Ghost slugs are unique), in any status."""
        found = self.client.post_with_slug(slug)
        return [_post(found)] if found is not None else []

    def read_post(self, post_id: str) -> BlogPost | None:
        """The post, or ``None`` when it was deleted on the site."""
        found = self.client.get_post(post_id)
        return _post(found) if found is not None else None

    def create_post(self, fields: Mapping[str, Any]) -> BlogPost:
        """Create the post from its HTML."""
        return _post(self.client.create_post(dict(fields)))

    def update_post(self, post: BlogPost, fields: Mapping[str, Any]) -> BlogPost:
        """Update with the ``updated_at`` seen; Ghost answers 409 if it changed meanwhile.

        Ghost refuses to schedule a live post ("already published"), as its editor does: the
        post goes back to a draft first. Going live from a schedule is dated now.
        """
        seen, status = post.version, post.status
        try:
            if status == "published" and fields.get("status") == "scheduled":
                back = self.client.update_post(post.id, {"status": "draft"}, seen)
                seen, status = back.updated_at, back.status
            live = going_live_fields(str(fields.get("status")), status)
            return _post(self.client.update_post(post.id, {**fields, **live}, seen))
        except ConflictError:
            raise conflict(self.account.name, post) from None

    def upload_image(self, path: Path, digest: str, name: str, alt: str) -> str:
        """Upload under a name made from the content hash; return its address."""
        return self.client.upload_image(path, _image_name(path, digest))

    def find_image(self, path: Path, digest: str) -> str | None:
        """The address of an earlier upload of this very file, by its name."""
        return self.client.find_image(_image_name(path, digest))

    def image_exists(self, image: str, post: BlogPost | None) -> bool:
        """A recorded address is trusted: Ghost deletes no image a post uses."""
        return True

    def resolve_terms(self, names: Mapping[str, list[str]]) -> Terms:
        """Ghost takes tags by name, creating the new ones itself: nothing to ask."""
        return {taxonomy: list(items) for taxonomy, items in names.items()}

    # -- the shape of its posts ------------------------------------------------------------------

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
        """HTML, tags (categories and tags), excerpt, feature image, JSON-LD."""
        return post_fields(
            draft, draft_file, status, library=library, image_url=image,
            published_at=draft.post.publish_at,
        )  # fmt: skip

    def is_ours(self, post: BlogPost, fields: Mapping[str, Any]) -> bool:
        """Ghost stores its own HTML: a post is never taken for ours by its content."""
        return False

    def edited_since(self, post: BlogPost, record: Publication) -> bool:
        """A newer ``updated_at``, or title or body changed within the same second."""
        if post.version != record.modified_gmt:
            return True
        return record.content_hash is not None and post_hash(post.raw) != record.content_hash

    def check_sent(self, post: BlogPost, fields: Mapping[str, Any], created: bool) -> None:
        """Ghost keeps what it is sent."""

    def publication(
        self, post: BlogPost, image: str | None, digest: str | None, previous: Publication | None
    ) -> Publication:
        """The record (Ghost's hex id kept beside a number made from it)."""
        ghost: GhostPost = post.raw
        extra: dict[str, Any] = {"engine": "ghost", GHOST_ID: ghost.id}
        if ghost.feature_image:
            extra[GHOST_IMAGE] = ghost.feature_image
        return Publication(
            account=self.account.name,
            post_id=int(ghost.id[-12:], 16) or 1,
            link=ghost.url,
            modified_gmt=ghost.updated_at,
            content_hash=post_hash(ghost),
            poster_hash=digest if image is not None else None,
            extra=extra,
        )

    def recorded_id(self, record: Publication) -> str:
        """Ghost's own id, kept among the record's extras."""
        return str(record.extra.get(GHOST_ID) or "")

    def recorded_image(self, record: Publication) -> str | None:
        """The poster's address on the site."""
        known = record.extra.get(GHOST_IMAGE)
        return known if isinstance(known, str) else None


def post_hash(post: GhostPost) -> str:
    """How postdesk recognises the post it sent: its title and HTML as Ghost stores them."""
    return content_hash(post.title + "\n" + post.html)


def conflict(account: str, post: BlogPost) -> ConflictError:
    """The post was edited on the site since postdesk saw it."""
    return ConflictError(
        account,
        f"the post “{post.title}” was changed on the blog (last modified {post.version}) "
        "since postdesk published it. Publishing again would overwrite those changes.",
        status=409,
    )


def _image_name(path: Path, digest: str) -> str:
    return poster_slug(digest) + read_poster(path).extension


def _post(ghost: GhostPost) -> BlogPost:
    return BlogPost(
        id=ghost.id,
        link=ghost.url,
        status=ghost.status,
        slug=ghost.slug,
        title=ghost.title,
        version=ghost.updated_at,
        image=ghost.feature_image,
        raw=ghost,
    )
