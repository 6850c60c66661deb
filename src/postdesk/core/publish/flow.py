"""Publish a draft to a blog, whatever it runs: one call, safe to retry, never two posts.

:func:`publish_draft` drives a blog engine (:mod:`~postdesk.core.publish.engine`): it checks
the post the draft records for the account (a conflict when it was changed on the blog),
uploads the poster once, resolves the categories and tags, then creates the post or updates
it. It is blocking and Qt-free: the window runs it in a worker thread, passing ``progress`` to
show each step and ``cancelled`` to stop between steps.

Duplicates are avoided four ways: one publish at a time per draft and account
(:mod:`~postdesk.core.publish.records`); the flow chooses the slug and notes it in the publish
journal before the create (:mod:`~postdesk.core.publish.journal`), so after a create that got
no answer every later publish looks that slug up (all statuses) before creating anything; a
slug already taken by a post with exactly this content is adopted instead of creating another;
and a poster upload is noted first, so one whose answer was lost is found by its content hash.

The draft file is never written here: a successful publish returns the
:class:`~postdesk.core.publish.results.PublishResult`, whose publication the caller records in
its draft and saves (:func:`~postdesk.core.publish.records.keep_publication` on the command
line, the document in the window).
"""

from __future__ import annotations

from pathlib import Path

from postdesk.core.drafts.model import Draft, poster_path
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.engine import BlogEngine, BlogPost, Terms
from postdesk.core.publish.engines import Client, engine_for
from postdesk.core.publish.fingerprints import TERMS_KEY, content_hash_file, terms_signature
from postdesk.core.publish.journal import (
    Journal,
    Unrecorded,
    never_sent,
)
from postdesk.core.publish.outcome import with_outcome
from postdesk.core.publish.readiness import check_poster, check_schedule
from postdesk.core.publish.records import one_publish_at_a_time
from postdesk.core.publish.results import (
    Cancelled,
    Progress,
    PublishCancelledError,
    PublishResult,
)
from postdesk.core.publish.sending import PostSender
from postdesk.core.publish.steps import PublishStep
from postdesk.core.publish.wordpress.errors import ConflictError, WordPressError
from postdesk.core.render.templates import TemplateLibrary


def publish_draft(
    draft: Draft,
    draft_file: Path | None,
    account: Account,
    secret: str,
    *,
    library: TemplateLibrary | None = None,
    status: str | None = None,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    client: Client | None = None,
) -> PublishResult:
    """Publish ``draft`` to ``account``'s blog; return where, for the caller to record.

    Args:
        draft: the draft; takes up the record the file (or the journal) holds for ``account``
            (another publish may have made it), and is otherwise left as it is.
        draft_file: where the draft lives, for the poster path, the journal and the lock.
        account: the blog account (its engine says which blog it is).
        secret: its application password or Admin API key, from the keyring.
        library: the templates; the built-in ones when ``None``.
        status: "draft", "pending", "publish" or "future"; the draft's own when ``None``.
        overwrite: update the post even though it was changed on the blog since.
        progress: called with each step as it starts (and when waiting for another publish).
        cancelled: asked between steps; when it says so, publishing stops before the post is
            sent.
        client: a client or engine to use (tests pass one with a short time-out or a proxy).

    Raises:
        PublishError: the draft cannot be published as it is.
        ConflictError: the post was changed on the blog and ``overwrite`` is false.
        PublishCancelledError: the user cancelled before the post was sent.
        WordPressError: (and its subclasses) the blog refused or could not be reached.
        RenderError: the template failed.
    """
    with one_publish_at_a_time(draft, draft_file, account, progress, cancelled) as notes:
        engine = engine_for(account, secret, client)  # after any wait: a bad key is told then
        job = _PublishJob(draft, draft_file, engine, status or draft.post.status, notes)
        job.report(progress, cancelled)
        return job.run(library or TemplateLibrary(), overwrite)


class _PublishJob:
    """One publish, step by step; split out so each step stays small."""

    def __init__(
        self,
        draft: Draft,
        draft_file: Path | None,
        engine: BlogEngine,
        status: str,
        notes: Unrecorded,
    ) -> None:
        self.draft, self.draft_file, self.engine, self.status = draft, draft_file, engine, status
        self.account = engine.account
        self._progress: Progress = lambda step: None
        self._cancelled: Cancelled = lambda: False
        self.uploaded = False
        self.journal = Journal(draft_file)
        self.notes = notes
        post = draft.post
        self.terms = {"categories": _names(post.categories), "tags": _names(post.tags)}
        self.record = draft.publication_for(self.account.name)

    def report(self, progress: Progress | None, cancelled: Cancelled | None) -> None:
        """Where to report each step, and whom to ask whether to stop."""
        self._progress = progress or self._progress
        self._cancelled = cancelled or self._cancelled

    def step(self, step: PublishStep) -> None:
        """Report a step; stop before it when the user cancelled (nothing sent yet)."""
        if self._cancelled():
            left = (
                " The poster was already uploaded to the blog's media library."
                if self.uploaded
                else ""
            )
            raise PublishCancelledError(f"Publishing was cancelled; no post was sent.{left}")
        self._progress(step)

    def step_without_cancel(self, step: PublishStep) -> None:
        """Report a step after the post was sent, when cancelling can no longer undo it."""
        self._progress(step)

    def run(self, library: TemplateLibrary, overwrite: bool) -> PublishResult:
        if self.status == "future":
            check_schedule(self.draft.post.publish_at)
        poster = self._poster_file()
        self.step(PublishStep.CONNECTING)
        self.engine.verify()
        existing = self._existing_post(overwrite)
        digest = content_hash_file(poster) if poster else None
        image = self._image(poster, digest, existing)
        self.step(PublishStep.TERMS)
        terms = self._term_refs(existing)
        fields = self.engine.post_fields(
            self.draft, self.draft_file, self.status, library=library, image=image,
            terms=terms, existing=existing,
        )  # fmt: skip
        self.step(PublishStep.SENDING)
        sender = PostSender(self.engine, self.journal, self.notes, self.draft.post.title)
        sender.checking = lambda: self.step_without_cancel(PublishStep.CHECKING)
        post, created = sender.send(fields, existing)
        if image is not None:
            self.step_without_cancel(PublishStep.VERIFYING)
        self.engine.check_sent(post, fields, created)
        return self._result(post, created, image, digest)

    # -- before sending --------------------------------------------------------------------------

    def _poster_file(self) -> Path | None:
        path = poster_path(self.draft, self.draft_file)
        if path is not None:
            check_poster(path)
        return path

    def _existing_post(self, overwrite: bool) -> BlogPost | None:
        record = self.record
        post_id = self.engine.recorded_id(record) if record is not None else ""
        if record is None or not post_id:
            return None
        self.step(PublishStep.CHECKING)
        remote = self.engine.read_post(post_id)
        if remote is None:
            return None  # deleted on the blog: publishing makes a new post
        if not overwrite and self.engine.edited_since(remote, record):
            raise ConflictError(
                self.account.name,
                f"the post “{remote.title}” was changed on the blog (last modified "
                f"{remote.version}) since postdesk published it. Publishing again would "
                "overwrite those changes.",
                status=409,
            )
        return remote

    def _image(
        self, poster: Path | None, digest: str | None, existing: BlogPost | None
    ) -> str | None:
        """The poster on the blog: the recorded one, an earlier upload of it, or a new upload."""
        if poster is None or digest is None:
            return None
        record = self.record
        known = (
            self.engine.recorded_image(record) if record and record.poster_hash == digest else None
        )
        if known is not None and self.engine.image_exists(known, existing):
            return known
        self.step(PublishStep.POSTER)
        if (
            known
            or digest in self.notes.posters
            or self.journal.upload_tried(self.account.name, digest)
        ):
            found = self.engine.find_image(poster, digest)  # this very file, uploaded before
            if found is not None:
                return found
        self.journal.uploading(self.account.name, digest)  # noted before it can arrive
        self.uploaded = True
        return self._upload(poster, digest)

    def _upload_tried(self, digest: str) -> bool:
        """Whether a publish that started after this one read the journal tried the upload."""
        return self.journal.upload_tried(self.account.name, digest)

    def _upload(self, poster: Path, digest: str) -> str:
        """Upload; after a lost answer, look for the upload before sending it again."""
        name, alt = self.draft.post.title, f"Poster for {self.draft.film.title}"
        try:
            return self.engine.upload_image(poster, digest, name, alt)
        except WordPressError as err:
            if not err.retryable:
                raise
            found = self.engine.find_image(poster, digest)  # the upload may have arrived
            if found is not None:
                return found
            if not never_sent(err):
                raise  # it may still arrive: the next publish looks for it before uploading
            return self.engine.upload_image(poster, digest, name, alt)

    def _term_refs(self, existing: BlogPost | None) -> Terms:
        """The post's terms when neither their names nor the post changed, else resolved."""
        record = self.record
        if (
            existing is not None
            and existing.terms
            and record is not None
            and record.extra.get(TERMS_KEY) == terms_signature(self.terms)
            and not self.engine.edited_since(existing, record)
        ):
            return dict(existing.terms)
        return self.engine.resolve_terms(self.terms)

    def _result(
        self, post: BlogPost, created: bool, image: str | None, digest: str | None
    ) -> PublishResult:
        self.step_without_cancel(PublishStep.RECORDING)
        publication = self.engine.publication(post, image, digest, self.record)
        publication.extra[TERMS_KEY] = terms_signature(self.terms)
        publication.extra = with_outcome(publication.extra, post.status, self.draft.post.publish_at)
        publication = self.journal.published(publication)  # until the caller saves it
        return PublishResult(
            self.account.name, publication.post_id, post.link, post.status, created, publication
        )


def _names(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i.strip() for i in items if i.strip()))
