import json
from pathlib import Path

import pytest

from postdesk.core.paths import UserDirs
from postdesk.core.publish.accounts import Account, AccountError, AccountStore, normalize_site_url


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("https://myblog.example/", "https://myblog.example"),
        ("myblog.example", "https://myblog.example"),
        ("HTTPS://MyBlog.Example/blog/", "https://myblog.example/blog"),
        ("https://myblog.example/?p=1#x", "https://myblog.example"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost/wp", "http://localhost/wp"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_site_addresses_are_normalized(typed: str, normalized: str) -> None:
    assert normalize_site_url(typed) == normalized


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("http://myblog.example", "uses plain http"),
        ("http://192.168.1.10", "uses plain http"),
        ("ftp://myblog.example", "is not a web address"),
        ("https://", "is not a web address"),
    ],
)
def test_unusable_addresses_are_refused(typed: str, message: str) -> None:
    with pytest.raises(AccountError, match=message):
        normalize_site_url(typed)


def test_accounts_are_kept_without_secrets(user_dirs: UserDirs) -> None:
    store = AccountStore(user_dirs.accounts_file)
    assert store.accounts() == [] and store.default() is None
    store.add(Account("Film blog", "https://films.example", "me"))
    store.add(Account("Other", "https://other.example", "me2"))
    assert [a.name for a in store.accounts()] == ["Film blog", "Other"]
    assert store.default() == Account("Film blog", "https://films.example", "me")
    store.set_default("Other")
    assert store.default().name == "Other"  # type: ignore[union-attr]
    with pytest.raises(AccountError, match="already an account named “Other”"):
        store.add(Account("Other", "https://x.example", "x"))
    data = json.loads(user_dirs.accounts_file.read_text())
    assert set(data["accounts"][0]) == {"name", "url", "username", "engine"}
    store.remove("Other")
    assert store.default().name == "Film blog"  # type: ignore[union-attr]
    with pytest.raises(AccountError, match="no account named “Other” \\(accounts: Film blog\\)"):
        store.get("Other")


def test_a_damaged_accounts_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "accounts.json"
    path.write_text("{oops")
    with pytest.raises(AccountError, match="accounts.json: cannot be read"):
        AccountStore(path).accounts()
    path.write_text('{"accounts": [{"name": "x"}]}')
    with pytest.raises(AccountError, match="an account entry is incomplete"):
        AccountStore(path).accounts()
