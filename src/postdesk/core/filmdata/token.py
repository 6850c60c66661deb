"""The TMDB token: the environment wins (for scripts), otherwise the keyring, never a file."""

from __future__ import annotations

import os

from postdesk.core.credentials import CredentialStore

TOKEN_ENV = "POSTDESK_TMDB_TOKEN"
#: The keyring entry's name under the ``postdesk`` service, beside the blog accounts.
KEYRING_ACCOUNT = "tmdb-api-read-access-token"


def tmdb_token(store: CredentialStore | None = None) -> str | None:
    """The token to use, or ``None`` when the blogger has not given one."""
    from_env = os.environ.get(TOKEN_ENV, "").strip()
    if from_env:
        return from_env
    return (store or CredentialStore()).get(KEYRING_ACCOUNT) or None


def save_tmdb_token(token: str, store: CredentialStore | None = None) -> None:
    """Keep the token in the keyring; refused (``CredentialError``) when the keyring is unusable."""
    token = token.strip()
    if not token:
        raise ValueError("the TMDB token is empty")
    (store or CredentialStore()).set(KEYRING_ACCOUNT, token)


def remove_tmdb_token(store: CredentialStore | None = None) -> None:
    """Forget the stored token (the environment variable, if set, is the caller's own)."""
    (store or CredentialStore()).delete(KEYRING_ACCOUNT)
