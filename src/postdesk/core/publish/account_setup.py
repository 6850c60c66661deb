"""Adding and checking blog accounts: the one path both the window and the command line take.

The order matters for the user's secrets: the name is checked before anything is written,
the blog is asked before the keyring is touched, and a secret is never left behind without
its account (nor an existing account's password overwritten by a failed add).
"""

from __future__ import annotations

from postdesk.core.credentials import CredentialError, CredentialStore
from postdesk.core.publish.accounts import Account, AccountError, AccountStore


def secret_label(account: Account) -> str:
    """What the secret of ``account`` is called on its engine."""
    return "Admin API key" if account.engine == "ghost" else "application password"


def check_account(account: Account, secret: str) -> str:
    """Ask the blog whether ``secret`` works; a short sentence about what answered.

    Raises the engine's errors (subclasses of WordPressError) with the blog's own words.
    """
    if account.engine == "ghost":
        from postdesk.core.publish.ghost.client import GhostClient

        return f"Ghost {GhostClient(account, secret).discover()}, the Admin API key works"
    from postdesk.core.publish.wordpress.client import verify_account

    return verify_account(account, secret).summary


def add_account(
    store: AccountStore, credentials: CredentialStore, account: Account, secret: str
) -> str:
    """Check ``account`` with its blog, then keep it.

    The secret goes to the keyring, the rest to the accounts file. Returns
    :func:`check_account`'s sentence.
    """
    if any(existing.name == account.name for existing in store.accounts()):
        raise AccountError(f"there is already an account named “{account.name}”")
    if not secret.strip():
        raise AccountError(f"no {secret_label(account)} was given")
    credentials.ensure_usable()
    summary = check_account(account, secret)
    credentials.set(account.name, secret)
    try:
        store.add(account)
    except (AccountError, OSError):
        credentials.delete(account.name)  # no secret without its account
        raise
    return summary


def secret_of(credentials: CredentialStore, account: Account) -> str:
    """The stored secret of ``account``; a message saying how to fix it when there is none."""
    secret = credentials.get(account.name)
    if not secret:
        raise CredentialError(
            f"{account.name}: no {secret_label(account)} is stored in the keyring; remove the "
            "account and add it again"
        )
    return secret
