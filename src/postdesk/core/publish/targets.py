"""Which blog a publish goes to, the same answer for the Publish button and ``postdesk publish``."""

from __future__ import annotations

from postdesk.core.drafts.model import Draft
from postdesk.core.publish.accounts import Account, AccountError, AccountStore


def publish_target(store: AccountStore, draft: Draft, requested: str | None = None) -> Account:
    """The account to publish ``draft`` to.

    A name the user asked for wins. Otherwise the draft goes back to the blog it was last
    published on (while that account exists), so publishing again updates that post instead
    of starting a second one on another blog; a draft never published goes to the default.
    """
    if requested:
        return store.get(requested)
    accounts = {account.name: account for account in store.accounts()}
    for record in reversed(draft.publications):
        if record.account in accounts:
            return accounts[record.account]
    default = store.default()
    if default is None:
        raise AccountError(
            "no blog account yet: add one with `postdesk accounts add NAME --url URL "
            "--username USER` or Blog ▸ Accounts…"
        )
    return default
