"""Publishing as the command line does it: the core publishes, the caller keeps the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft, Publication
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.flow import publish_draft
from postdesk.core.publish.ghost.client import GhostClient, GhostPost
from postdesk.core.publish.ghost.engine import GHOST_ID
from postdesk.core.publish.records import keep_publication
from postdesk.core.publish.results import PublishResult


def publish_and_keep(
    draft: Draft, draft_file: Path | None, account: Account, secret: str, **kwargs: Any
) -> PublishResult:
    """Publish ``draft`` and record the result in it and its file, as ``postdesk publish`` does."""
    result = publish_draft(draft, draft_file, account, secret, **kwargs)
    keep_publication(draft, draft_file, result)
    return result


def publish_on_ghost(
    draft: Draft, draft_file: Path | None, account: Account, key: str, **kwargs: Any
) -> tuple[GhostPost, Publication]:
    """Publish to Ghost through the one flow: the post as Ghost now has it, and the record."""
    client = kwargs.pop("client", None) or GhostClient(account, key)
    result = publish_draft(draft, draft_file, account, key, client=client, **kwargs)
    post = client.get_post(str(result.publication.extra[GHOST_ID]))
    assert post is not None
    return post, result.publication
