import json
from pathlib import Path

import pytest

from postdesk.core.paths import UserDirs
from postdesk.core.publish.accounts import (
    Account,
    AccountError,
    AccountStore,
    connected_host,
    may_carry_secret,
    normalize_site_url,
    same_site,
)


@pytest.mark.parametrize(
    ("typed", "normalized"),
    [
        ("https://myblog.example/", "https://myblog.example"),
        ("myblog.example", "https://myblog.example"),
        ("HTTPS://MyBlog.Example/blog/", "https://myblog.example/blog"),
        ("https://myblog.example/?p=1", "https://myblog.example"),
        ("https://bücher.example", "https://xn--bcher-kva.example"),
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
        ("file:///etc/passwd", "is not a web address"),
        ("javascript:alert(1)", "is not a web address"),
        ("https://myblog.example:99999", "is not a web address"),
        ("http://10.99.0.1:9915\\@127.0.0.1", "contains a backslash"),
        ("https://myblog.example\\wp", "contains a backslash"),
        ("https://my blog.example", "contains spaces or invisible characters"),
        ("https://myblog.example/\x00", "contains spaces or invisible characters"),
        ("https://myblog.example\u200b/", "contains spaces or invisible characters"),
        ("https://myblog.example/#comments", "has a “#” part"),
        ("http://127.0.0.1:9915@10.99.0.1", "has a user name or password"),
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


@pytest.mark.parametrize(
    "typed",
    [
        "http://admin:SECRET@127.0.0.1:8080",
        "https://admin:SECRET@myblog.example/wp",
        "admin:SECRET@myblog.example",
        "https://admin:SECRET@myblog.example?x=1",
    ],
)
def test_a_password_in_the_address_is_refused_and_never_repeated(
    typed: str, user_dirs: UserDirs
) -> None:
    with pytest.raises(AccountError, match="has a user name or password in it") as caught:
        normalize_site_url(typed)
    assert "SECRET" not in str(caught.value) and "admin" not in str(caught.value)
    store = AccountStore(user_dirs.accounts_file)
    with pytest.raises(AccountError) as caught:
        store.add(Account("Blog", typed, "admin"))
    assert "SECRET" not in str(caught.value)
    assert not user_dirs.accounts_file.exists()


def test_the_loopback_rule_reads_the_host_requests_connects_to() -> None:
    assert not may_carry_secret("http://10.99.0.1:9915\\@127.0.0.1/wp-json/")
    assert connected_host("http://10.99.0.1:9915\\@127.0.0.1/") == "10.99.0.1"
    assert may_carry_secret("http://127.0.0.1:8080/wp-json/")
    assert may_carry_secret("https://myblog.example/wp-json/")
    assert not may_carry_secret("http://myblog.example/wp-json/")
    assert not same_site("http://10.99.0.1:9915\\@127.0.0.1/wp-json/", "http://127.0.0.1")
    assert not same_site("http://myblog.example/wp-json/", "https://myblog.example")
    assert same_site("https://MyBlog.example/wp-json/", "https://myblog.example")
