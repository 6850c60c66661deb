"""How postdesk recognises what it sent: hashes of a post's fields and of the poster file.

The blog's ``modified_gmt`` has a one-second resolution, so an edit on the blog within the
second of postdesk's publish leaves it unchanged; a hash of every field postdesk sends does
not. The poster's hash names it in the media library, so an upload whose answer was lost is
found again by its content, whatever title or file name WordPress gave it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from postdesk.core.drafts.model import Publication
from postdesk.core.publish.wordpress.client import RemotePost

FIELDS_HASH = "fields_hash"
"""The publication record's key (kept among its extra fields) for :func:`fields_hash`."""


TERMS_KEY = "terms_hash"
"""The record's key for :func:`terms_signature`: the term names the post was sent with."""


def content_hash(content: str) -> str:
    """How postdesk recognises a post's content later: a SHA-256 of it."""
    return "sha256:" + hashlib.sha256(content.encode("utf-8")).hexdigest()


def content_hash_file(path: Path) -> str:
    """A SHA-256 of a file, to notice a changed poster."""
    with path.open("rb") as file:
        return "sha256:" + hashlib.file_digest(file, "sha256").hexdigest()


def fields_hash(remote: RemotePost) -> str:
    """A hash of every field postdesk sends (title, body, terms, poster) as the blog has them."""
    sent = {
        "title": remote.title,
        "content": remote.content_raw,
        "categories": sorted(remote.categories),
        "tags": sorted(remote.tags),
        "featured_media": remote.featured_media,
    }
    return content_hash(json.dumps(sent, sort_keys=True, ensure_ascii=False))


def edited_on_blog(remote: RemotePost, record: Publication) -> bool:
    """Whether the fields postdesk sent differ on the blog from what it recorded."""
    recorded = record.extra.get(FIELDS_HASH)
    if isinstance(recorded, str):
        return fields_hash(remote) != recorded
    # a record from before postdesk kept the fields' hash: the body is all it can compare
    return (
        record.content_hash is not None and content_hash(remote.content_raw) != record.content_hash
    )


def poster_slug(digest: str) -> str:
    """The poster's slug in the media library: its content hash, whatever its title."""
    return f"postdesk-poster-{digest.removeprefix('sha256:')[:24]}"


def terms_signature(terms: dict[str, list[str]]) -> str:
    """A hash of the term names sent: unchanged names need no look-up when publishing again."""
    named = {taxonomy: [name.casefold() for name in names] for taxonomy, names in terms.items()}
    return content_hash(json.dumps(named, sort_keys=True, ensure_ascii=False))
