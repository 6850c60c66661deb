"""WordPress behind the publish flow's engine interface: its REST client, its post fields."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft, Publication
from postdesk.core.publish.engine import BlogPost, Terms
from postdesk.core.publish.fingerprints import (
    FIELDS_HASH,
    content_hash,
    edited_on_blog,
    fields_hash,
    poster_slug,
)
from postdesk.core.publish.slugs import slugify
from postdesk.core.publish.wordpress.client import RemotePost, WordPressClient
from postdesk.core.publish.wordpress.errors import WordPressError
from postdesk.core.publish.wordpress.fields import excerpt_fields, going_live_fields
from postdesk.core.render.bounded import render_limited as render  # time + memory limits
from postdesk.core.render.templates import TemplateLibrary


class WordPressEngine:
    """One account's WordPress blog, as the publish flow drives it."""

    def __init__(self, client: WordPressClient) -> None:
        self.client = client
        self.account = client.account

    # -- operations ------------------------------------------------------------------------------

    def verify(self) -> None:
        """Find the REST API (one look-up per publish); the first request checks the password."""
        self.client.discover()

    def find_posts(self, slug: str) -> list[BlogPost]:
        """Every post with ``slug``: published, scheduled, draft, pending or private."""
        return [_post(p) for p in self.client.posts_with_slug(slug) if p.status != "trash"]

    def read_post(self, post_id: str) -> BlogPost | None:
        """The post, or ``None`` when it was deleted (or trashed) on the blog."""
        remote = self.client.get_post(int(post_id))
        return _post(remote) if remote is not None and remote.status != "trash" else None

    def create_post(self, fields: Mapping[str, Any]) -> BlogPost:
        """Create the post (a POST, never retried by the transport)."""
        return _post(self.client.create_post(fields))

    def update_post(self, post: BlogPost, fields: Mapping[str, Any]) -> BlogPost:
        """Replace the post's fields: the same request twice gives the same post."""
        try:
            return _post(self.client.update_post(int(post.id), fields))
        except WordPressError as err:
            if not err.retryable:
                raise
            return _post(self.client.update_post(int(post.id), fields))  # idempotent

    def upload_image(self, path: Path, digest: str, name: str, alt: str) -> str:
        """Upload under a slug made from the content hash, to find it again."""
        filename = f"{slugify(name)}-poster-{digest[7:15]}{path.suffix.lower()}"
        slug = poster_slug(digest)
        return str(self.client.upload_media(path, filename, alt, alt, slug).id)

    def find_image(self, path: Path, digest: str) -> str | None:
        """The media item whose slug is this poster's content hash."""
        found = self.client.find_media(poster_slug(digest))
        return str(found.id) if found is not None else None

    def image_exists(self, image: str, post: BlogPost | None) -> bool:
        """Whether the media library still holds ``image`` (the post showing it says so)."""
        if post is not None and post.image == image:
            return True
        return self.client.media_exists(int(image))

    def resolve_terms(self, names: Mapping[str, list[str]]) -> Terms:
        """Category and tag ids: one list call per taxonomy, the new ones in one batch."""
        return dict(self.client.resolve_terms(names))

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
        """Block markup, title, status (and the date that moves it), terms, featured image."""
        post = draft.post
        content = render(draft, "blocks", library=library, draft_file=draft_file)
        fields: dict[str, Any] = {"title": post.title, "content": content, "status": status}
        fields.update(excerpt_fields(draft))
        if status == "future":
            fields["date_gmt"] = _schedule(post.publish_at)
        fields.update(going_live_fields(status, existing.raw if existing else None))
        fields.update(terms)
        if image is not None:
            fields["featured_media"] = int(image)
        return fields

    def is_ours(self, post: BlogPost, fields: Mapping[str, Any]) -> bool:
        """Whether ``post`` holds exactly this content (an earlier publish whose record is lost)."""
        return content_hash(post.raw.content_raw) == content_hash(str(fields["content"]))

    def edited_since(self, post: BlogPost, record: Publication) -> bool:
        """A newer ``modified_gmt``, or any field postdesk sends changed within its second."""
        return post.version != record.modified_gmt or edited_on_blog(post.raw, record)

    def check_sent(self, post: BlogPost, fields: Mapping[str, Any], created: bool) -> None:
        """WordPress may ignore a featured image it cannot use: say so, with the post's link."""
        wanted = fields.get("featured_media")
        if wanted is not None and post.raw.featured_media != wanted:
            where = "created" if created else "updated"
            raise WordPressError(
                self.account.name,
                f"the post was {where} ({post.link}) but WordPress did not set the poster "
                f"(media {wanted}) as its featured image. Publish again to retry.",
            )

    def publication(
        self, post: BlogPost, image: str | None, digest: str | None, previous: Publication | None
    ) -> Publication:
        """Post id, link, ``modified_gmt``, content and field hashes, poster id and hash."""
        remote: RemotePost = post.raw
        extra = dict(previous.extra) if previous is not None else {}
        return Publication(
            account=self.account.name,
            post_id=remote.id,
            link=remote.link,
            modified_gmt=remote.modified_gmt,
            content_hash=content_hash(remote.content_raw),
            featured_media=int(image) if image is not None else None,
            poster_hash=digest if image is not None else None,
            extra={**extra, FIELDS_HASH: fields_hash(remote)},
        )

    def recorded_id(self, record: Publication) -> str:
        """WordPress ids are numbers."""
        return str(record.post_id)

    def recorded_image(self, record: Publication) -> str | None:
        """The poster's media id."""
        return str(record.featured_media) if record.featured_media else None


def _post(remote: RemotePost) -> BlogPost:
    terms: Terms = {"categories": list(remote.categories), "tags": list(remote.tags)}
    return BlogPost(
        id=str(remote.id),
        link=remote.link,
        status=remote.status,
        slug=remote.slug,
        title=remote.title,
        version=remote.modified_gmt,
        image=str(remote.featured_media) if remote.featured_media else None,
        terms=terms,
        raw=remote,
    )


def _schedule(publish_at: dt.datetime | None) -> str:
    """The schedule as WordPress takes it (the flow refused a missing or past one)."""
    moment = publish_at or dt.datetime.now(dt.UTC)
    moment = moment if moment.tzinfo else moment.astimezone()  # local time
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S")
