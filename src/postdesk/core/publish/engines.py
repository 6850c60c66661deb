"""One call to publish, whatever the blog runs: the window and the command line never ask.

Each engine keeps the same promises (one post per draft and blog, conflicts caught, the
caller recording the post only on success); this module only routes an account to its engine.
"""

from __future__ import annotations

from pathlib import Path

from postdesk.core.drafts.model import Draft
from postdesk.core.publish.accounts import Account, AccountError
from postdesk.core.publish.results import Cancelled, Progress, PublishResult
from postdesk.core.render.templates import TemplateLibrary

ENGINE_NAMES = {"wordpress": "WordPress", "ghost": "Ghost"}


def publish(
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
) -> PublishResult:
    """Publish ``draft`` to ``account``'s blog; the caller records the result in its draft.

    See :func:`~postdesk.core.publish.records.keep_publication` for the command line's way.
    """
    if account.engine == "ghost":
        from postdesk.core.publish.ghost.publishing import publish_ghost_draft

        return publish_ghost_draft(
            draft, draft_file, account, secret, library=library, status=status,
            overwrite=overwrite, progress=progress, cancelled=cancelled,
        )  # fmt: skip
    if account.engine == "wordpress":
        from postdesk.core.publish.flow import publish_draft

        return publish_draft(
            draft, draft_file, account, secret, library=library, status=status,
            overwrite=overwrite, progress=progress, cancelled=cancelled,
        )  # fmt: skip
    known = ", ".join(ENGINE_NAMES)
    raise AccountError(f"{account.name}: unknown blog engine “{account.engine}” (known: {known})")
