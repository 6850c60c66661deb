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
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.problems import DraftError
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.journal import Journal, JournalError
from postdesk.core.publish.locks import PublishBusyError, publish_lock
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
    draft.record_publication(result.publication)
    if draft_file is None:
        return
    try:
        save_draft(draft, draft_file)
    except DraftError as err:
        raise PublishError(
            f"the post is on the blog ({result.link}) but the draft could not record it: "
            f"{err}. Save the draft before publishing again."
        ) from err
    publication_saved(draft_file, result.account)


def publication_saved(draft_file: Path | None, account: str) -> None:
    """The draft file now records its post on ``account``: the journal's entry has served."""
    with suppress(JournalError):  # the next publish reports it, before sending anything
        Journal(draft_file).clear(account)


@contextmanager
def one_publish_at_a_time(
    draft: Draft,
    draft_file: Path | None,
    account: Account,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Iterator[None]:
    """Hold the draft's publish lock for ``account``, then take up what the file records.

    A publish that waited for another one must see the post that one recorded, or it would
    create a second; a journal that cannot be read or written stops the publish.
    """
    report = progress or (lambda step: None)
    try:
        with publish_lock(
            draft_file,
            account.name,
            waiting=lambda: report(PublishStep.WAITING),
            cancelled=cancelled or (lambda: False),
        ):
            _take_up_record(draft, draft_file, account.name)
            Journal(draft_file).pending(account.name)  # a damaged journal stops it here
            yield
    except PublishBusyError as err:
        if cancelled is not None and cancelled():
            raise PublishCancelledError("Publishing was cancelled; no post was sent.") from err
        raise PublishError(f"{account.name}: {err}") from err
    except JournalError as err:
        raise PublishError(f"{account.name}: {err}") from err


def _take_up_record(draft: Draft, draft_file: Path | None, account: str) -> None:
    """Use the draft file's record for ``account``: a publish may have written it meanwhile."""
    if draft_file is None:
        return
    try:
        record = load_draft(draft_file).publication_for(account)
    except DraftError:
        return  # the caller reports the file's problem when it saves the record
    if record is not None:
        draft.record_publication(record)
