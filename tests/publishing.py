"""Publishing as the command line does it: the core publishes, the caller keeps the record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from postdesk.core.drafts.model import Draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.flow import publish_draft
from postdesk.core.publish.ghost.publishing import publish_ghost_draft
from postdesk.core.publish.records import keep_publication
from postdesk.core.publish.results import PublishResult


def publish_and_keep(
    draft: Draft, draft_file: Path | None, account: Account, secret: str, **kwargs: Any
) -> PublishResult:
    """Publish ``draft`` and record the result in it and its file, as ``postdesk publish`` does."""
    engine = publish_ghost_draft if account.engine == "ghost" else publish_draft
    result = engine(draft, draft_file, account, secret, **kwargs)
    keep_publication(draft, draft_file, result)
    return result
