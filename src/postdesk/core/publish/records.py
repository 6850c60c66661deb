"""Around a publish: one at a time per draft and account, and the record kept afterwards.

The flow only publishes and returns the :class:`~postdesk.core.publish.results.PublishResult`;
the caller (the command line, or the window's document) records it in its draft and saves.
Until that save, the publish journal keeps the slug of a post it created, so a record that
could not be saved never turns into a second post: the next publish finds the post by slug.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.drafts.model import Draft, Publication
from postdesk.core.drafts.problems import DraftError
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.journal import Journal, JournalError, Unrecorded, newer
from postdesk.core.publish.locks import PublishBusyError, publish_lock, record_lock
from postdesk.core.publish.results import (
    Cancelled,
    Progress,
    PublishCancelledError,
    PublishError,
    PublishResult,
)
from postdesk.core.publish.steps import PublishStep


def keep_publication(draft: Draft, draft_file: Path | None, result: PublishResult) -> None:
    """Record ``result`` in ``draft`` and save it to ``draft_file`` (the command line's way).

    Raises:
        PublishError: the file could not take the record; the message says the post is on
            the blog, so the blogger saves before publishing again.
    """
    if draft_file is None:
        draft.record_publication(result.publication)
        return
    with record_lock(draft_file):
        publication = newest_record(draft_file, result.publication)
        draft.record_publication(publication)
        try:
            save_draft(draft, draft_file)
        except DraftError as err:
            raise PublishError(
                f"the post is on the blog ({result.link}) but the draft could not record it: "
                f"{err}. Save the draft before publishing again."
            ) from err
        publication_saved(draft_file, publication)


def newest_record(draft_file: Path, publication: Publication) -> Publication:
    """``publication``, or the file's record of the same post when a later publish saved it.

    Publishes of one draft take turns, but their callers save afterwards, in any order: the
    record of an earlier publish must not replace a later one's.
    """
    try:
        saved = load_draft(draft_file).publication_for(publication.account)
    except DraftError:
        return publication  # saving reports the file's problem
    if saved is not None and saved.post_id == publication.post_id and newer(saved, publication):
        return saved
    return publication


def publication_saved(draft_file: Path | None, publication: Publication) -> None:
    """The draft file now records ``publication``: the journal's notes about it have served."""
    with suppress(JournalError):  # the next publish reports it, before sending anything
        Journal(draft_file).recorded(publication)


@contextmanager
def one_publish_at_a_time(
    draft: Draft,
    draft_file: Path | None,
    account: Account,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Iterator[Unrecorded]:
    """Hold the draft's publish lock for ``account``, then take up what the file records.

    A publish that waited for another one must see the post that one recorded, or it would
    create a second; a journal that cannot be read or written stops the publish. The journal
    is read before the file: a caller saves its record before it clears the journal, so
    whatever the other publish's caller does meanwhile, this publish sees its post in one or
    the other. Yields the journal's notes for ``account`` as read then.
    """
    report = progress or (lambda step: None)
    try:
        with publish_lock(
            draft_file,
            account.name,
            waiting=lambda: report(PublishStep.WAITING),
            cancelled=cancelled or (lambda: False),
        ):
            notes = Journal(draft_file).notes_for(account.name)  # a damaged one stops it here
            _take_up_record(draft, draft_file, account.name, notes.published)
            yield notes
    except PublishBusyError as err:
        if cancelled is not None and cancelled():
            raise PublishCancelledError("Publishing was cancelled; no post was sent.") from err
        raise PublishError(f"{account.name}: {err}") from err
    except JournalError as err:
        raise PublishError(f"{account.name}: {err}") from err


def _take_up_record(
    draft: Draft, draft_file: Path | None, account: str, unsaved: Publication | None
) -> None:
    """Start from the latest record for ``account``: the file's, or one not saved there yet.

    Another publish may have recorded its post meanwhile, or returned it to a caller that has
    not saved it yet (the journal holds it until then).
    """
    record = None
    if draft_file is not None:
        with suppress(DraftError):  # the caller reports the file's problem when it saves
            record = load_draft(draft_file).publication_for(account)
    if unsaved is not None and (record is None or not newer(record, unsaved)):
        record = unsaved
    if record is not None:
        draft.record_publication(record)
