"""The Publish button and ``postdesk publish`` send a draft to the same blog."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.drafts.model import Publication
from postdesk.core.paths import UserDirs
from postdesk.core.publish.accounts import Account, AccountError, AccountStore
from postdesk.core.publish.targets import publish_target
from tests.conftest import SEED_DRAFT


def _two_blogs(dirs: UserDirs) -> AccountStore:
    store = AccountStore(dirs.accounts_file)
    store.add(Account("Film blog", "http://127.0.0.1:9/film", "ann"))  # the default
    store.add(Account("Second blog", "http://127.0.0.1:9/second", "ann"))
    return store


def _published_on_second_blog(folder: Path) -> Path:
    draft = load_draft(SEED_DRAFT)
    draft.publications = [Publication("Second blog", 17, "http://127.0.0.1:9/second/?p=17")]
    path = folder / "seed.postdesk"
    save_draft(draft, path)
    return path


def test_a_published_draft_goes_back_to_its_blog(user_dirs: UserDirs, tmp_path: Path) -> None:
    store = _two_blogs(user_dirs)
    draft = load_draft(_published_on_second_blog(tmp_path))
    assert publish_target(store, draft).name == "Second blog"
    assert publish_target(store, draft, "Film blog").name == "Film blog"


def test_a_new_draft_goes_to_the_default_blog(user_dirs: UserDirs) -> None:
    store = _two_blogs(user_dirs)
    store.set_default("Second blog")
    assert publish_target(store, load_draft(SEED_DRAFT)).name == "Second blog"


def test_a_removed_blog_falls_back_to_the_default(user_dirs: UserDirs, tmp_path: Path) -> None:
    store = _two_blogs(user_dirs)
    draft = load_draft(_published_on_second_blog(tmp_path))
    store.remove("Second blog")
    assert publish_target(store, draft).name == "Film blog"


def test_no_blog_yet_says_how_to_add_one(user_dirs: UserDirs) -> None:
    with pytest.raises(AccountError, match="no blog account yet"):
        publish_target(AccountStore(user_dirs.accounts_file), load_draft(SEED_DRAFT))


def test_the_command_line_picks_the_blog_the_button_would(
    user_dirs: UserDirs, tmp_path: Path
) -> None:
    _two_blogs(user_dirs)
    path = _published_on_second_blog(tmp_path)
    before = json.loads(path.read_text(encoding="utf-8"))
    done = subprocess.run(
        [sys.executable, "-m", "postdesk", "publish", str(path)],
        capture_output=True, text=True, env=dict(os.environ), timeout=60,
    )  # fmt: skip
    # No password is stored for either blog here: the refusal names the blog it chose.
    assert done.returncode != 0
    assert "Second blog" in done.stderr and "Film blog" not in done.stderr
    assert json.loads(path.read_text(encoding="utf-8")) == before
