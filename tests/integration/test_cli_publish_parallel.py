"""Several ``postdesk publish`` of one draft at once, against the real blog: one post."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from postdesk.core.publish.locks import publish_lock
from tests.conftest import EXAMPLES
from tests.services import WordPressSite

pytestmark = [pytest.mark.wordpress, pytest.mark.keyring]


def postdesk(home: Path, *args: str, stdin: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "POSTDESK_CONFIG_DIR": str(home)}
    return subprocess.Popen(
        [sys.executable, "-m", "postdesk", *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


@pytest.fixture
def account(wordpress: WordPressSite, tmp_path: Path, secret_service: str) -> Iterator[str]:
    """An account added with the command line (password in the real keyring), removed after."""
    home = tmp_path / "home"
    name = f"Parallel {uuid.uuid4().hex[:6]}"
    added = postdesk(
        home, "accounts", "add", name, "--url", wordpress.url, "--username", "editor",
        "--password-stdin",
    )  # fmt: skip
    out, err = added.communicate(wordpress.password() + "\n", timeout=120)
    assert added.returncode == 0, err
    yield name
    postdesk(home, "accounts", "remove", name).communicate(timeout=120)


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    """The seed example with a title and poster bytes no other test uses."""
    marker = uuid.uuid4().hex[:8]
    path = tmp_path / "post.postdesk"
    shutil.copy(EXAMPLES / "01-1-mile-to-you.postdesk", path)
    poster = (EXAMPLES / "1-mile-to-you.jpg").read_bytes() + marker.encode()
    (tmp_path / "1-mile-to-you.jpg").write_bytes(poster)
    data = json.loads(path.read_text())
    data["post"]["title"] += f" {marker}"
    path.write_text(json.dumps(data))
    return path


def posts_titled(site: WordPressSite, title: str) -> list[dict[str, object]]:
    marker = title.rsplit(" ", 1)[-1]
    found = site.api(
        "GET", "wp/v2/posts", params={"search": marker, "status": "any", "context": "edit"}
    )
    return [p for p in found if marker in str(p["title"]["raw"])]


def test_four_publishes_at_once_make_one_post_and_one_poster(
    wordpress: WordPressSite, tmp_path: Path, account: str, draft: Path
) -> None:
    title = json.loads(draft.read_text())["post"]["title"]
    runs = [postdesk(tmp_path / "home", "publish", str(draft)) for _ in range(4)]
    outcomes = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0] * 4, [err for _, err in outcomes]
    posts = posts_titled(wordpress, title)
    assert len(posts) == 1
    assert {out.strip() for out, _ in outcomes} == {posts[0]["link"]}
    assert sum("Created post" in err for _, err in outcomes) == 1
    marker = title.rsplit(" ", 1)[-1]
    media = wordpress.api("GET", "wp/v2/media", params={"per_page": 100, "context": "edit"})
    assert len([m for m in media if marker in str(m["source_url"])]) == 1
    recorded = json.loads(draft.read_text())["published"]
    assert [r["post_id"] for r in recorded] == [posts[0]["id"]]


def test_a_publish_waits_for_the_one_under_way_and_says_so(
    wordpress: WordPressSite, tmp_path: Path, account: str, draft: Path
) -> None:
    with publish_lock(draft, account, waiting=lambda: None, cancelled=lambda: False):
        run = postdesk(tmp_path / "home", "publish", str(draft))
        assert run.stderr is not None
        first = run.stderr.readline()
        assert first == "… Waiting for another publish of this draft to this blog to finish\n"
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, err
    assert "Created post" in err and out.startswith(wordpress.url)
