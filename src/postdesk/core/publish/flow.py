"""Publish a draft to a WordPress blog: one call, safe to retry, never two posts.

:func:`publish_draft` renders the post as block markup, uploads the poster (once: the draft
remembers it), resolves the categories and tags, then creates the post or updates the one
the draft records for that account. It is blocking and Qt-free: the window runs it in a
worker thread, passing ``progress`` to show each step and ``cancelled`` to stop between steps.

Duplicates are avoided four ways: one publish at a time per draft and account
(:mod:`~postdesk.core.publish.locks`); the client chooses the slug and notes it in the publish
journal before the create (:mod:`~postdesk.core.publish.journal`), so after a create that got
no answer every later publish looks that slug up (all statuses) before creating anything; a
slug already taken by a post with exactly this content is adopted instead of creating another;
and the poster is found by its content hash before it is uploaded.

The draft file is never written here: a successful publish returns the
:class:`~postdesk.core.publish.results.PublishResult`, whose publication (account, post id,
link, ``modified_gmt``, content hash) the caller records in its draft and saves
(:func:`~postdesk.core.publish.records.keep_publication` on the command line, the document in
the window).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft, Publication, poster_path
from postdesk.core.drafts.posters import poster_refusal
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.fingerprints import (
    FIELDS_HASH,
    TERMS_KEY,
    content_hash,
    content_hash_file,
    edited_on_blog,
    fields_hash,
    poster_slug,
    terms_signature,
)
from postdesk.core.publish.journal import (
    Journal,
    Pending,
    Unrecorded,
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
from postdesk.core.publish.wordpress.client import Media, RemotePost, WordPressClient
from postdesk.core.publish.wordpress.errors import ConflictError, WordPressError
from postdesk.core.publish.wordpress.fields import excerpt_fields, going_live_fields
from postdesk.core.render.bounded import render_limited as render  # time + memory limits
from postdesk.core.render.templates import TemplateLibrary

MAX_SLUG_ATTEMPTS = 20


def publish_draft(
    draft: Draft,
    draft_file: Path | None,
    account: Account,
    password: str,
    *,
    library: TemplateLibrary | None = None,
    status: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    client: WordPressClient | None = None,
) -> PublishResult:
    """Publish ``draft`` to ``account``'s blog; return where, for the caller to record.

    Args:
        draft: the draft; takes up the record the file holds for ``account`` (another publish
            may have written it), and is otherwise left as it is.
        draft_file: where the draft lives, for the poster path, the journal and the lock.
        account: the blog account.
        password: its application password, from the keyring.
        library: the templates; the built-in ones when ``None``.
        status: "draft", "pending", "publish" or "future"; the draft's own when ``None``.
        overwrite: update the post even though it was changed on the blog since.
        progress: called with each step as it starts.
        cancelled: asked between steps; when it says so, publishing stops before the post is
            sent.
        client: a client to use (tests pass one with a fake transport).

    Raises:
        PublishError: the draft cannot be published as it is.
        ConflictError: the post was changed on the blog and ``overwrite`` is false.
        PublishCancelledError: the user cancelled before the post was sent.
        WordPressError: the blog refused or could not be reached.
        RenderError: the template failed.
    """
    job = _PublishJob(draft, draft_file, account, status or draft.post.status, progress, cancelled)
    job.client = client or WordPressClient(account, password)
    with one_publish_at_a_time(draft, draft_file, account, progress, cancelled) as notes:
        job.notes = notes
        return job.run(library or TemplateLibrary(), overwrite)


class _PublishJob:
    """One publish, step by step; split out so each step stays small."""

    client: WordPressClient

    def __init__(
        self,
        draft: Draft,
        draft_file: Path | None,
        account: Account,
        status: str,
        progress: Progress | None,
        cancelled: Cancelled | None,
    ) -> None:
        self.draft = draft
        self.draft_file = draft_file
        self.account = account
        self.status = status
        self._progress = progress or (lambda step: None)
        self._cancelled = cancelled or (lambda: False)
        self.uploaded: Media | None = None
        self.journal = Journal(draft_file)
        self.notes = Unrecorded()
        post = draft.post
        self.terms = {"categories": _names(post.categories), "tags": _names(post.tags)}

    def step(self, step: PublishStep) -> None:
        if self._cancelled():
            left = (
                " The poster was already uploaded to the blog's media library."
                if self.uploaded
                else ""
            )
            raise PublishCancelledError(f"Publishing was cancelled; no post was sent.{left}")
        self._progress(step)

    def run(self, library: TemplateLibrary, overwrite: bool) -> PublishResult:
        content = render(self.draft, "blocks", library=library, draft_file=self.draft_file)
        fields = self._post_fields(content)
        poster = self._poster_file()
        self.step(PublishStep.CONNECTING)
        self.client.discover()
        existing = self._existing_post(overwrite)
        fields.update(going_live_fields(self.status, existing))
        poster_digest = content_hash_file(poster) if poster else None
        featured = self._featured_media(poster, poster_digest, existing)
        self.step(PublishStep.TERMS)
        fields.update(self._term_ids(existing))
        if featured:
            fields["featured_media"] = featured.id
        self.step(PublishStep.SENDING)
        remote, created = self._send(fields, existing)
        self._verify_featured(remote, featured, created)
        return self._record(remote, created, featured, poster_digest)

    # -- before sending --------------------------------------------------------------------------

    def _post_fields(self, content: str) -> dict[str, Any]:
        post = self.draft.post
        fields: dict[str, Any] = {"title": post.title, "content": content, "status": self.status}
        fields.update(excerpt_fields(self.draft))
        if self.status == "future":
            fields["date_gmt"] = _schedule(post.publish_at)
        return fields

    def _poster_file(self) -> Path | None:
        path = poster_path(self.draft, self.draft_file)
        if path is not None:
            check_poster(path)
        return path

    def _existing_post(self, overwrite: bool) -> RemotePost | None:
        record = self.draft.publication_for(self.account.name)
        if record is None:
            return None
        self.step(PublishStep.CHECKING)
        remote = self.client.get_post(record.post_id)
        if remote is None or remote.status == "trash":
            return None  # deleted on the blog: publishing makes a new post
        changed = remote.modified_gmt != record.modified_gmt or edited_on_blog(remote, record)
        if changed and not overwrite:
            raise ConflictError(
                self.account.name,
                f"the post “{remote.title}” was changed on the blog (last modified "
                f"{remote.modified_gmt} UTC) since postdesk published it. Publishing again "
                "would overwrite those changes.",
            )
        return remote

    def _featured_media(
        self, poster: Path | None, digest: str | None, existing: RemotePost | None
    ) -> Media | None:
        if poster is None or digest is None:
            return None
        record = self.draft.publication_for(self.account.name)
        reusable = record.featured_media if record and record.poster_hash == digest else None
        if existing and reusable:
            if existing.featured_media == reusable:
                return Media(reusable, "")  # the post shows it: the library still holds it
            if self.client.media_exists(reusable):
                return Media(reusable, "")
        self.step(PublishStep.POSTER)
        slug = poster_slug(digest)
        if reusable or digest in self.notes.posters or self._upload_noted(digest):
            self.uploaded = self.client.find_media(slug)  # this very file, uploaded before
        if self.uploaded is None:
            self.journal.uploading(self.account.name, digest)  # before it can arrive
            self.uploaded = self._upload(poster, digest, slug)
        return self.uploaded

    def _upload_noted(self, digest: str) -> bool:
        """Whether a publish that started after this one read the journal tried the upload."""
        return self.journal.upload_tried(self.account.name, digest)

    def _term_ids(self, existing: RemotePost | None) -> dict[str, list[int]]:
        """The category and tag ids: those the post has when nothing changed, else resolved."""
        record = self.draft.publication_for(self.account.name)
        if (
            existing is not None
            and record is not None
            and record.extra.get(TERMS_KEY) == terms_signature(self.terms)
            and not edited_on_blog(existing, record)
        ):
            return {"categories": list(existing.categories), "tags": list(existing.tags)}
        return self.client.resolve_terms(self.terms)

    def _upload(self, poster: Path, digest: str, slug: str) -> Media:
        """Upload the poster under a slug made from its content hash, to find it again."""
        filename = f"{slugify(self.draft.post.title)}-poster-{digest[7:15]}{poster.suffix.lower()}"
        alt = f"Poster for {self.draft.film.title}"
        try:
            return self.client.upload_media(poster, filename, alt, alt, slug)
        except WordPressError as err:
            if not err.retryable:
                raise
            found = self.client.find_media(slug)  # the upload may have arrived
            if found is not None:
                return found
            if not never_sent(err):
                raise  # it may still arrive: the next publish looks for it before uploading
            return self.client.upload_media(poster, filename, alt, alt, slug)

    # -- sending ---------------------------------------------------------------------------------

    def _send(self, fields: dict[str, Any], existing: RemotePost | None) -> tuple[RemotePost, bool]:
        if existing is not None:
            try:
                return self.client.update_post(existing.id, fields), False
            except WordPressError as err:
                if not err.retryable:
                    raise
                return self.client.update_post(existing.id, fields), False  # idempotent
        pending = self.journal.pending(self.account.name) or self.notes.pending
        if pending is not None:
            return self._resume(pending, fields)
        slug, adopt = self._free_slug(fields)
        if adopt is not None:
            return self.client.update_post(adopt.id, fields), False
        return self._create(slug, fields)

    def _create(
        self, slug: str, fields: dict[str, Any], *, again: bool = True
    ) -> tuple[RemotePost, bool]:
        """Create the post, noted in the journal first; sent again only when surely not there."""
        entry = self.journal.begin(self.account.name, slug, self.draft.post.title)
        try:
            return self.client.create_post({**fields, "slug": slug}), True
        except WordPressError as err:
            if not err.retryable or never_sent(err):
                self.journal.clear(self.account.name)  # refused or never sent: no post
                raise
            return self._unanswered(err, entry, fields, again)

    def _unanswered(
        self, err: WordPressError, entry: Pending, fields: dict[str, Any], again: bool
    ) -> tuple[RemotePost, bool]:
        """After a create without an answer: find its post, or say it may be on the blog."""
        still = may_still_arrive(err)
        entry = self.journal.unanswered(entry, still)
        try:
            arrived = self._sent_earlier(entry.slug)  # only the answer may have been lost
        except WordPressError:
            raise unconfirmed(err, entry) from err
        if arrived is not None:
            return self.client.update_post(arrived.id, fields), True
        if still:
            raise unconfirmed(err, entry) from err
        # The blog gave its last word (a 500 or 503) and holds no such post: none was made.
        if again:
            return self._create(entry.slug, fields, again=False)
        self.journal.clear(self.account.name)
        raise err

    def _resume(self, pending: Pending, fields: dict[str, Any]) -> tuple[RemotePost, bool]:
        """An earlier create got no answer: adopt its post, wait for it, or send it again."""
        arrived = self._sent_earlier(pending.slug)
        if arrived is not None:
            return self.client.update_post(arrived.id, fields), True
        if not pending.settled():
            raise still_arriving(self.account.name, pending)
        return self._create(pending.slug, fields)  # the journal's slug, whatever the title now

    def _sent_earlier(self, slug: str) -> RemotePost | None:
        """The post an unanswered create made, in whatever state the blog now has it."""
        self.step_without_cancel(PublishStep.CHECKING)
        found = self.client.posts_with_slug(slug)
        return next((p for p in found if p.status != "trash"), None)

    def _free_slug(self, fields: dict[str, Any]) -> tuple[str, RemotePost | None]:
        """A slug no post uses yet, or the post that already carries exactly this content."""
        base = slugify(self.draft.post.title)
        for attempt in range(1, MAX_SLUG_ATTEMPTS + 1):
            slug = base if attempt == 1 else f"{base}-{attempt}"
            taken = self.client.posts_with_slug(slug)
            ours = self._ours(taken, fields["content"])
            if ours is not None:
                return slug, ours
            if not taken:
                return slug, None
        raise PublishError(f"post.title: {MAX_SLUG_ATTEMPTS} posts already use the slug “{base}”")

    def _ours(self, posts: list[RemotePost], content: str) -> RemotePost | None:
        wanted = content_hash(content)
        for post in posts:
            if post.status != "trash" and content_hash(post.content_raw) == wanted:
                return post
        return None

    def _verify_featured(self, remote: RemotePost, featured: Media | None, created: bool) -> None:
        if featured is None:
            return
        self.step_without_cancel(PublishStep.VERIFYING)
        if remote.featured_media != featured.id:
            where = "created" if created else "updated"
            raise WordPressError(
                self.account.name,
                f"the post was {where} ({remote.link}) but WordPress did not set the poster "
                f"(media {featured.id}) as its featured image. Publish again to retry.",
            )

    def step_without_cancel(self, step: PublishStep) -> None:
        """Report a step after the post was sent, when cancelling can no longer undo it."""
        self._progress(step)

    def _previous_extra(self) -> dict[str, Any]:
        record = self.draft.publication_for(self.account.name)
        return dict(record.extra) if record is not None else {}

    def _record(
        self, remote: RemotePost, created: bool, featured: Media | None, poster_digest: str | None
    ) -> PublishResult:
        self.step_without_cancel(PublishStep.RECORDING)
        publication = Publication(
            account=self.account.name,
            post_id=remote.id,
            link=remote.link,
            modified_gmt=remote.modified_gmt,
            content_hash=content_hash(remote.content_raw),
            featured_media=featured.id if featured else None,
            poster_hash=poster_digest,
            extra=with_outcome(
                {
                    **self._previous_extra(),
                    FIELDS_HASH: fields_hash(remote),
                    TERMS_KEY: terms_signature(self.terms),
                },
                remote.status,
                self.draft.post.publish_at,
            ),
        )
        publication = self.journal.published(publication)  # until the caller saves it
        return PublishResult(
            self.account.name, remote.id, remote.link, remote.status, created, publication
        )


def check_poster(path: Path) -> None:
    """Refuse, before anything is sent, a poster that is not an image (see ``posters``)."""
    refusal = poster_refusal(path)
    if refusal is not None:
        raise PublishError(f"film.poster: the file {refusal}; nothing was sent to the blog")


def _names(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i.strip()))


def _schedule(publish_at: dt.datetime | None) -> str:
    if publish_at is None:
        raise PublishError("post.publish_at: a scheduled post needs a publish date and time")
    moment = publish_at if publish_at.tzinfo else publish_at.astimezone()  # local time
    utc = moment.astimezone(dt.UTC)
    if utc <= dt.datetime.now(dt.UTC):
        raise PublishError(
            f"post.publish_at: {publish_at.isoformat(timespec='minutes')} is not in the future; "
            "choose a later time, or publish now"
        )
    return utc.strftime("%Y-%m-%dT%H:%M:%S")
