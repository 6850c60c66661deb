"""The TMDB token lives in the real keyring; the environment variable wins, for scripts."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from postdesk.core.credentials import CredentialStore
from postdesk.core.filmdata.token import (
    TOKEN_ENV,
    remove_tmdb_token,
    save_tmdb_token,
    tmdb_token,
)
from tests.filmdata_stand_in import TOKEN
from tests.unit.cli.test_draft_commands import assert_clean_failure, postdesk

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


def test_token_commands_store_verify_and_remove(
    secret_service: str, stand_in: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    try:
        stored = postdesk("film", "token", "set", "--token-stdin", stdin=f"{TOKEN}\n")
        assert stored.returncode == 0, stored.stderr
        assert TOKEN not in stored.stdout + stored.stderr
        verified = postdesk("film", "token", "verify")
        assert verified.returncode == 0, verified.stderr
        assert "TMDB accepts the token" in verified.stdout
        removed = postdesk("film", "token", "remove")
        assert removed.returncode == 0, removed.stderr
        assert_clean_failure(postdesk("film", "token", "verify"), "there is no TMDB token")
    finally:
        remove_tmdb_token(CredentialStore())
