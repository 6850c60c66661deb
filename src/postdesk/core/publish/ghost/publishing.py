"""Publish a draft to a Ghost site: one call, safe to retry, never two posts.

The poster is uploaded once (the draft remembers its address and digest), the post is created
with a slug the client chose, or updated with the ``updated_at`` postdesk last saw so that
Ghost itself refuses (409) when the post was edited on the blog meanwhile. The publication is
recorded per account, so a WordPress record of the same draft is never touched.

As on WordPress, :func:`publish_ghost_draft` holds the draft's publish lock for the account,
and each create is noted in the publish journal first: after a create that got no answer,
the next publish looks the journal's slug up before it creates anything.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft, Publication, poster_path
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.ghost.client import GhostClient, GhostPost
from postdesk.core.publish.ghost.fields import going_live_fields, post_fields
from postdesk.core.publish.journal import (
    Journal,
    Pending,
    may_still_arrive,
    never_sent,
    still_arriving,
    unconfirmed,
)
from postdesk.core.publish.outcome import with_outcome
from postdesk.core.publish.records import one_publish_at_a_time
from postdesk.core.publish.results import (
    Cancelled,
    Progress,
    PublishCancelledError,
    PublishError,
    PublishResult,
)
from postdesk.core.publish.slugs import slugify
from postdesk.core.publish.steps import PublishStep
from postdesk.core.publish.wordpress.errors import ConflictError, WordPressError
from postdesk.core.render.templates import TemplateLibrary

MAX_SLUG_ATTEMPTS = 20
GHOST_ID = "ghost_post_id"
GHOST_IMAGE = "ghost_feature_image"


def publish_to_ghost(
    draft: Draft,
    draft_file: Path | None,
    account: Account,
    key: str,
    *,
    status: str | None = None,
    overwrite: bool = False,
    library: TemplateLibrary | None = None,
    client: GhostClient | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> tuple[GhostPost, Publication]:
    """Publish ``draft`` to ``account``'s Ghost site; return the post and the record to keep.

    Raises:
        ConflictError: the post was changed on the blog and ``overwrite`` is false.
        WordPressError: (its subclasses) the site refused or could not be reached.
    """
    step = _stepper(progress, cancelled)
    step(PublishStep.CONNECTING)
    client = client or GhostClient(account, key)
    client.discover()
    record = draft.publication_for(account.name)
    step(PublishStep.POSTER)
    image_url, digest = _poster(client, draft, draft_file, record)
    fields = post_fields(
        draft, draft_file, status or draft.post.status, library=library,
        image_url=image_url, published_at=draft.post.publish_at,
    )  # fmt: skip
    ghost_id = record.extra.get(GHOST_ID) if record is not None else None
    step(PublishStep.CHECKING)
    existing = client.get_post(ghost_id) if isinstance(ghost_id, str) else None
    step(PublishStep.SENDING)  # the last point where cancelling leaves no post behind
    if existing is not None and record is not None:
        if not overwrite and _edited_since(existing, record):
            raise _conflict(client, existing)
        seen = existing.updated_at if overwrite else str(record.modified_gmt)
        post = _update(client, existing, fields, seen)
    else:
        post = _create_once(client, Journal(draft_file), draft, fields)
    return post, _publication(account, post, digest)


def _stepper(
    progress: Progress | None, cancelled: Cancelled | None
) -> Callable[[PublishStep], None]:
    """Report each step, and stop before it when the user cancelled (nothing sent yet)."""

    def step(current: PublishStep) -> None:
        if cancelled is not None and cancelled():
            raise PublishCancelledError("Publishing was cancelled; no post was sent.")
        if progress is not None:
            progress(current)

    return step


def _create_once(
    client: GhostClient, journal: Journal, draft: Draft, fields: dict[str, Any]
) -> GhostPost:
    """Create the post, or take up the one an unanswered create of this draft made."""
    pending = journal.pending(client.account.name)
    if pending is None:
        return _create(client, journal, _free_slug(client, draft), fields)
    arrived = client.post_with_slug(pending.slug)
    if arrived is not None:
        return _update(client, arrived, fields, arrived.updated_at)
    if not pending.settled():
        raise still_arriving(client.account.name, pending)
    return _create(client, journal, pending.slug, fields)  # the journal's slug, not the title's


def _create(
    client: GhostClient, journal: Journal, slug: str, fields: dict[str, Any], again: bool = True
) -> GhostPost:
    entry = journal.begin(client.account.name, slug, str(fields.get("title", "")))
    try:
        return client.create_post({**fields, "slug": slug})  # looks the slug up after a loss
    except WordPressError as err:
        if not err.retryable or never_sent(err):
            journal.clear(client.account.name)  # refused, or never sent: no post
            raise
        return _unanswered(client, journal, err, entry, fields, again)


def _unanswered(
    client: GhostClient,
    journal: Journal,
    err: WordPressError,
    entry: Pending,
    fields: dict[str, Any],
    again: bool,
) -> GhostPost:
    still = may_still_arrive(err)
    entry = journal.unanswered(entry, still)
    if still:
        raise unconfirmed(err, entry) from err
    # The site gave its last word (a 500 or 503) and holds no such post: none was made.
    if again:
        return _create(client, journal, entry.slug, fields, again=False)
    journal.clear(client.account.name)
    raise err


def post_hash(post: GhostPost) -> str:
    """How postdesk recognises the post it sent: its title and HTML as Ghost stores them."""
    from postdesk.core.publish.fingerprints import content_hash

    return content_hash(post.title + "\n" + post.html)


def _edited_since(existing: GhostPost, record: Publication) -> bool:
    """Changed on the blog: a newer ``updated_at``, or an edit within the same second."""
    if existing.updated_at != record.modified_gmt:
        return True
    return record.content_hash is not None and post_hash(existing) != record.content_hash


def _conflict(client: GhostClient, existing: GhostPost) -> ConflictError:
    return ConflictError(
        client.account.name,
        f"the post “{existing.title}” was changed on the blog (last modified "
        f"{existing.updated_at}) since postdesk published it. Publishing again would "
        "overwrite those changes.",
        status=409,
    )


def publish_ghost_draft(
    draft: Draft,
    draft_file: Path | None,
    account: Account,
    key: str,
    *,
    library: TemplateLibrary | None = None,
    status: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    client: GhostClient | None = None,
) -> PublishResult:
    """Publish under the draft's lock for ``account``; the caller records the result.

    ``progress`` and ``cancelled`` also serve the wait for another publish of the same draft.
    """
    with one_publish_at_a_time(draft, draft_file, account, progress, cancelled):
        before = draft.publication_for(account.name)
        post, publication = publish_to_ghost(
            draft, draft_file, account, key, library=library, status=status,
            overwrite=overwrite, progress=progress, cancelled=cancelled, client=client,
        )  # fmt: skip
        created = before is None or before.extra.get(GHOST_ID) != post.id  # new, or re-created
        publication.extra = with_outcome(publication.extra, post.status, draft.post.publish_at)
        if progress is not None:
            progress(PublishStep.RECORDING)
        publication = Journal(draft_file).published(publication)  # until the caller saves it
    return PublishResult(
        account.name, publication.post_id, post.url, post.status, created, publication
    )


def _update(
    client: GhostClient, existing: GhostPost, fields: dict[str, Any], seen: str
) -> GhostPost:
    """Send ``fields`` over ``existing``, moving it to the status they ask for.

    Ghost refuses to schedule a live post ("already published"), as its editor does: the post
    goes back to a draft first. Going live from a schedule is dated now, not at the schedule.
    """
    try:
        if existing.status == "published" and fields.get("status") == "scheduled":
            existing = client.update_post(existing.id, {"status": "draft"}, seen)
            seen = existing.updated_at
        live = going_live_fields(str(fields.get("status")), existing.status)
        return client.update_post(existing.id, {**fields, **live}, seen)
    except ConflictError:
        raise _conflict(client, existing) from None


def _poster(
    client: GhostClient, draft: Draft, draft_file: Path | None, record: Publication | None
) -> tuple[str | None, str | None]:
    """The poster's address on the site, uploading it unless this exact file is there."""
    from postdesk.core.publish.fingerprints import content_hash_file
    from postdesk.core.publish.flow import check_poster

    path = poster_path(draft, draft_file)
    if path is None:
        return None, None
    check_poster(path)
    digest = content_hash_file(path)
    known = record.extra.get(GHOST_IMAGE) if record else None
    if record is not None and record.poster_hash == digest and isinstance(known, str):
        return known, digest
    name = f"{slugify(draft.post.title)}-poster-{digest[7:15]}{path.suffix.lower()}"
    return client.upload_image(path, name), digest


def _free_slug(client: GhostClient, draft: Draft) -> str:
    """A slug no post on the site uses yet."""
    base = slugify(draft.post.title)
    for attempt in range(1, MAX_SLUG_ATTEMPTS + 1):
        slug = base if attempt == 1 else f"{base}-{attempt}"
        if client.post_with_slug(slug) is None:
            return slug
    raise PublishError(f"post.title: {MAX_SLUG_ATTEMPTS} posts already use the slug “{base}”")


def _publication(account: Account, post: GhostPost, digest: str | None) -> Publication:
    """The draft's record of this post (Ghost's ids are hex strings, kept beside post_id)."""
    extra: dict[str, Any] = {"engine": "ghost", GHOST_ID: post.id}
    if post.feature_image:
        extra[GHOST_IMAGE] = post.feature_image
    return Publication(
        account=account.name,
        post_id=int(post.id[-12:], 16) or 1,
        link=post.url,
        modified_gmt=post.updated_at,
        content_hash=post_hash(post),
        poster_hash=digest,
        extra=extra,
    )
