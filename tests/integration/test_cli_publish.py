"""The command line against the real blog and keyring: add an account, publish, remove."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import pytest

from tests.conftest import EXAMPLES
from tests.services import WordPressSite

pytestmark = [pytest.mark.wordpress, pytest.mark.keyring]


def postdesk(home: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POSTDESK_CONFIG_DIR": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "postdesk", *args],
        input=stdin, capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


def test_add_publish_list_remove(
    wordpress: WordPressSite, tmp_path: Path, secret_service: str
) -> None:
    home = tmp_path / "home"
    name = f"Blog {uuid.uuid4().hex[:6]}"
    password = wordpress.password()
    added = postdesk(
        home, "accounts", "add", name, "--url", wordpress.url, "--username", "editor",
        "--password-stdin", stdin=password + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "as Edith Editor (administrator), may publish posts." in added.stdout
    assert keyring.get_password("postdesk", name) == password
    config_text = "".join(p.read_text() for p in home.rglob("*.json"))
    assert name in config_text and password not in config_text

    listed = postdesk(home, "accounts", "list")
    assert listed.stdout.strip() == f"* {name}: {wordpress.url} as editor (WordPress)"
    assert postdesk(home, "accounts", "verify", name).stdout.startswith(f"{name}: OK, Edith Editor")

    draft = tmp_path / "post.postdesk"
    shutil.copy(EXAMPLES / "01-1-mile-to-you.postdesk", draft)
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", tmp_path / "1-mile-to-you.jpg")
    data = json.loads(draft.read_text())
    data["post"]["title"] += f" {uuid.uuid4().hex[:6]}"
    draft.write_text(json.dumps(data))
    published = postdesk(home, "publish", str(draft), "--status", "publish")
    assert published.returncode == 0, published.stderr
    link = published.stdout.strip()
    assert link.startswith(wordpress.url + "/trailer-park-tuesday-1-mile-to-you")
    assert "… Uploading the poster" in published.stderr
    assert json.loads(draft.read_text())["published"][0]["link"] == link
    assert password not in published.stdout + published.stderr

    removed = postdesk(home, "accounts", "remove", name)
    assert removed.returncode == 0
    assert keyring.get_password("postdesk", name) is None
    assert postdesk(home, "accounts", "list").stdout.startswith("No accounts yet")


def test_a_wrong_password_is_not_stored(
    wordpress: WordPressSite, tmp_path: Path, secret_service: str
) -> None:
    home = tmp_path / "home"
    name = f"Wrong {uuid.uuid4().hex[:6]}"
    result = postdesk(
        home, "accounts", "add", name, "--url", wordpress.url, "--username", "editor",
        "--password-stdin", stdin="wrong wrong wrong wrong\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{name}: the blog refused the user name or application password" in result.stderr
    assert keyring.get_password("postdesk", name) is None
    assert not (home / "config" / "accounts.json").exists()


def test_publish_without_an_account_says_what_to_do(tmp_path: Path) -> None:
    result = postdesk(tmp_path / "home", "publish", str(EXAMPLES / "01-1-mile-to-you.postdesk"))
    assert result.returncode == 1
    assert "no blog account yet: add one with `postdesk accounts add" in result.stderr


def test_plain_http_to_another_host_is_refused(tmp_path: Path) -> None:
    result = postdesk(
        tmp_path / "home", "accounts", "add", "B", "--url", "http://blog.example", "--username",
        "me", "--password-stdin", stdin="pw\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert "uses plain http" in result.stderr


def test_publish_prints_the_drafts_warnings_and_strict_stops_before_sending(
    wordpress: WordPressSite, tmp_path: Path, secret_service: str
) -> None:
    home = tmp_path / "home"
    name = f"Blog {uuid.uuid4().hex[:6]}"
    added = postdesk(
        home, "accounts", "add", name, "--url", wordpress.url, "--username", "editor",
        "--password-stdin", stdin=wordpress.password() + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    draft = tmp_path / "post.postdesk"
    data = json.loads((EXAMPLES / "01-1-mile-to-you.postdesk").read_text())
    data["post"]["title"] += f" {uuid.uuid4().hex[:6]}"
    data["film"]["synopsis"] += " With @[Nobody Here]."
    draft.write_text(json.dumps(data))
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", tmp_path / "1-mile-to-you.jpg")
    warning = f"{draft}: warning: film.synopsis: mentions @[Nobody Here], who is not in the cast"

    strict = postdesk(home, "publish", str(draft), "--strict")
    assert strict.returncode == 1
    assert warning in strict.stderr and "nothing was sent (--strict)" in strict.stderr
    assert (
        "published" not in json.loads(draft.read_text())
        or not json.loads(draft.read_text())["published"]
    )
    found = wordpress.api("GET", "wp/v2/posts", params={"search": data["post"]["title"]})
    assert found == []

    published = postdesk(home, "publish", str(draft))
    assert published.returncode == 0, published.stderr
    assert warning in published.stderr
    assert json.loads(draft.read_text())["published"][0]["link"] == published.stdout.strip()
    postdesk(home, "accounts", "remove", name)
