"""The command line with a Ghost account: add (key from stdin), list, verify, publish, remove."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import keyring
import pytest

from tests.conftest import EXAMPLES
from tests.integration.test_cli_publish import postdesk
from tests.services import GhostSite, WordPressSite

pytestmark = [pytest.mark.ghost, pytest.mark.keyring]


def test_a_ghost_account_publishes_beside_a_wordpress_one(
    ghost: GhostSite, wordpress: WordPressSite, tmp_path: Path, secret_service: str
) -> None:
    home = tmp_path / "home"
    name = f"Ghost {uuid.uuid4().hex[:6]}"
    added = postdesk(
        home, "accounts", "add", name, "--engine", "ghost", "--url", ghost.url, "--key-stdin",
        stdin=ghost.key + "\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert f"Added “{name}”: {ghost.url}, Ghost 5.130" in added.stdout
    assert keyring.get_password("postdesk", name) == ghost.key
    config_text = "".join(p.read_text() for p in home.rglob("*.json"))
    assert ghost.key.split(":")[1] not in config_text
    wp_name = f"WP {uuid.uuid4().hex[:6]}"
    postdesk(
        home, "accounts", "add", wp_name, "--url", wordpress.url, "--username", "editor",
        "--password-stdin", stdin=wordpress.password() + "\n",
    )  # fmt: skip
    listed = postdesk(home, "accounts", "list").stdout.splitlines()
    assert listed == [
        f"* {name}: {ghost.url} (Ghost)",
        f"  {wp_name}: {wordpress.url} as editor (WordPress)",
    ]
    assert postdesk(home, "accounts", "verify", name).stdout.startswith(f"{name}: OK, Ghost 5.")

    draft = tmp_path / "post.postdesk"
    shutil.copy(EXAMPLES / "01-1-mile-to-you.postdesk", draft)
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", tmp_path / "1-mile-to-you.jpg")
    data = json.loads(draft.read_text())
    data["post"]["title"] += f" {uuid.uuid4().hex[:6]}"
    draft.write_text(json.dumps(data))
    published = postdesk(home, "publish", str(draft), "--account", name, "--status", "publish")
    assert published.returncode == 0, published.stderr
    link = published.stdout.strip()
    assert link.startswith(ghost.url + "/trailer-park-tuesday-1-mile-to-you")
    on_wp = postdesk(home, "publish", str(draft), "--account", wp_name)
    assert on_wp.returncode == 0, on_wp.stderr
    records = json.loads(draft.read_text())["published"]
    assert {r["account"]: r["link"] for r in records}[name] == link
    assert {r["account"] for r in records} == {name, wp_name}
    assert ghost.key not in published.stdout + published.stderr

    for account in (name, wp_name):
        assert postdesk(home, "accounts", "remove", account).returncode == 0
    assert keyring.get_password("postdesk", name) is None


def test_a_wrong_ghost_key_is_not_stored(
    ghost: GhostSite, tmp_path: Path, secret_service: str
) -> None:
    home = tmp_path / "home"
    name = f"Wrong {uuid.uuid4().hex[:6]}"
    wrong = ghost.key.split(":")[0] + ":" + "cd" * 32
    result = postdesk(
        home, "accounts", "add", name, "--engine", "ghost", "--url", ghost.url, "--key-stdin",
        stdin=wrong + "\n",
    )  # fmt: skip
    assert result.returncode == 1
    assert f"{name}: the site refused the Admin API key" in result.stderr
    assert "cd" * 32 not in result.stderr
    assert keyring.get_password("postdesk", name) is None
