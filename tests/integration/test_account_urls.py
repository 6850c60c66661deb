"""Account addresses that would send the password elsewhere, or keep it in a file: refused."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import keyring
import pytest

from postdesk.core.publish.accounts import Account
from tests.conftest import EXAMPLES
from tests.integration.test_cli_publish import postdesk
from tests.services import WordPressSite

pytestmark = [pytest.mark.wordpress, pytest.mark.keyring]

SECRET = "SECRET-pw-4711"
BACKSLASH = "http://10.99.0.1:9915\\@127.0.0.1"


def test_accounts_add_refuses_a_password_in_the_address(
    wordpress: WordPressSite, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    port = wordpress.url.rsplit(":", 1)[1]
    url = f"http://admin:{SECRET}@127.0.0.1:{port}"
    added = postdesk(
        home, "accounts", "add", "Blog", "--url", url, "--username", "admin",
        "--password-stdin", stdin=wordpress.password() + "\n",
    )  # fmt: skip
    assert added.returncode == 1
    assert "has a user name or password in it" in added.stderr
    assert SECRET not in added.stdout + added.stderr
    assert "Traceback" not in added.stderr
    assert not list(home.rglob("*.json"))  # nothing saved


def test_accounts_add_refuses_the_backslash_trick(wordpress: WordPressSite, tmp_path: Path) -> None:
    home = tmp_path / "home"
    added = postdesk(
        home, "accounts", "add", "Blog", "--url", BACKSLASH, "--username", "admin",
        "--password-stdin", stdin=wordpress.password() + "\n",
    )  # fmt: skip
    assert added.returncode == 1
    assert "contains a backslash" in added.stderr and "Traceback" not in added.stderr
    assert not list(home.rglob("*.json"))


@pytest.mark.parametrize("url", [BACKSLASH, f"http://admin:{SECRET}@127.0.0.1"])
def test_publish_refuses_an_account_saved_with_a_bad_address(
    wordpress: WordPressSite, tmp_path: Path, secret_service: str, url: str
) -> None:
    home = tmp_path / "home"
    (home / "config").mkdir(parents=True)
    name = f"Old blog {uuid.uuid4().hex[:6]}"
    account = Account(name, url, "admin")
    (home / "config" / "accounts.json").write_text(
        json.dumps({"accounts": [account.__dict__], "default": name})
    )
    keyring.set_password("postdesk", name, wordpress.password())
    try:
        draft = tmp_path / "post.postdesk"
        shutil.copy(EXAMPLES / "01-1-mile-to-you.postdesk", draft)
        shutil.copy(EXAMPLES / "1-mile-to-you.jpg", tmp_path / "1-mile-to-you.jpg")
        before = draft.read_bytes()
        published = postdesk(home, "publish", str(draft))
        listed = postdesk(home, "accounts", "list")
    finally:
        keyring.delete_password("postdesk", name)
    assert published.returncode == 1
    assert published.stderr.startswith(f"postdesk: error: {name}: “http://…@127.0.0.1”")
    assert "Traceback" not in published.stderr
    assert "could not reach" not in published.stderr  # refused before any connection
    assert SECRET not in published.stdout + published.stderr + listed.stdout
    assert wordpress.password() not in published.stdout + published.stderr
    assert draft.read_bytes() == before
