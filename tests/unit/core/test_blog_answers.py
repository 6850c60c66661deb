"""Answers a real blog gives only when something is wrong on its side, each in plain words.

These run against pytest-httpserver on 127.0.0.1: a real WordPress cannot be made to refuse a
real image, answer a POST with a redirect, or serve an untrusted certificate on demand.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.flow import publish_draft
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.errors import MediaRejectedError
from tests.conftest import SEED_DRAFT

PASSWORD = "abcd efgh ijkl mnop qrst uvwx"
API = "/wp-json/wp/v2/"


def blog(server: HTTPServer) -> Account:
    """An account on a fake blog whose home page links its API."""
    site = f"http://127.0.0.1:{server.port}"
    link = f'<{site}/wp-json/>; rel="https://api.w.org/"'
    server.expect_request("/").respond_with_data("<html></html>", headers={"Link": link})
    return Account("Fake blog", site, "editor")


def client(account: Account) -> WordPressClient:
    wp = WordPressClient(account, PASSWORD)
    for adapter in wp._session.adapters.values():
        adapter.max_retries.total = 0  # type: ignore[attr-defined]
    return wp


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.postdesk"
    shutil.copy(SEED_DRAFT, path)
    shutil.copy(SEED_DRAFT.with_name("1-mile-to-you.jpg"), tmp_path / "1-mile-to-you.jpg")
    return path


def test_a_poster_the_blog_refuses_is_reported(httpserver: HTTPServer, seed: Path) -> None:
    account = blog(httpserver)
    httpserver.expect_request(API + "media", method="POST").respond_with_json(
        {"code": "rest_upload_sideload_error", "message": "Sorry, not this file type."},
        status=500,
    )
    before = seed.read_bytes()
    with pytest.raises(MediaRejectedError, match="^Fake blog: the blog refused the poster"):
        publish_draft(load_draft(seed), seed, account, PASSWORD, client=client(account))
    assert seed.read_bytes() == before
