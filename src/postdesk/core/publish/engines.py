"""One call to publish, whatever the blog runs: the window and the command line never ask.

Every engine goes through the same flow (:mod:`~postdesk.core.publish.flow`), which keeps the
promises (one post per draft and blog, conflicts caught, the caller recording the post only
on success); this module only picks the engine an account names.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from postdesk.core.drafts.model import Draft
from postdesk.core.publish.accounts import Account, AccountError
from postdesk.core.publish.results import Cancelled, Progress, PublishResult
from postdesk.core.render.templates import TemplateLibrary

if TYPE_CHECKING:
    from postdesk.core.publish.engine import BlogEngine
    from postdesk.core.publish.ghost.client import GhostClient
    from postdesk.core.publish.wordpress.client import WordPressClient

ENGINE_NAMES = {"wordpress": "WordPress", "ghost": "Ghost"}

Client = Union["WordPressClient", "GhostClient", "BlogEngine"]
"""What a caller may hand the flow: a client of either engine, or an engine."""


def engine_for(account: Account, secret: str, client: Client | None = None) -> BlogEngine:
    """The engine for ``account`` (over ``client`` when given, else a new client)."""
    from postdesk.core.publish.ghost.client import GhostClient
    from postdesk.core.publish.ghost.engine import GhostEngine
    from postdesk.core.publish.wordpress.client import WordPressClient
    from postdesk.core.publish.wordpress.engine import WordPressEngine

    if isinstance(client, WordPressClient):
        return WordPressEngine(client)
    if isinstance(client, GhostClient):
        return GhostEngine(client)
    if client is not None:
        return client
    if account.engine == "ghost":
        return GhostEngine(GhostClient(account, secret))
    if account.engine == "wordpress":
        return WordPressEngine(WordPressClient(account, secret))
    known = ", ".join(ENGINE_NAMES)
    raise AccountError(f"{account.name}: unknown blog engine “{account.engine}” (known: {known})")


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
    from postdesk.core.publish.flow import publish_draft

    return publish_draft(
        draft, draft_file, account, secret, library=library, status=status,
        overwrite=overwrite, progress=progress, cancelled=cancelled,
    )  # fmt: skip
