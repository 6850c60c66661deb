"""The TMDB token lives in the real keyring; the environment variable wins, for scripts."""

from __future__ import annotations

import pytest

from postdesk.core.credentials import CredentialStore
from postdesk.core.filmdata.token import (
    TOKEN_ENV,
    remove_tmdb_token,
    save_tmdb_token,
    tmdb_token,
)

pytestmark = pytest.mark.keyring


def test_token_is_kept_in_the_keyring_and_removed(
    credentials: CredentialStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert tmdb_token(credentials) is None
    save_tmdb_token("  kept-token \n", credentials)
    assert tmdb_token(credentials) == "kept-token"
    monkeypatch.setenv(TOKEN_ENV, "from-the-environment")
    assert tmdb_token(credentials) == "from-the-environment"
    monkeypatch.delenv(TOKEN_ENV)
    remove_tmdb_token(credentials)
    assert tmdb_token(credentials) is None


def test_an_empty_token_is_refused(credentials: CredentialStore) -> None:
    with pytest.raises(ValueError, match="empty"):
        save_tmdb_token("   ", credentials)
