"""Answers a real blog gives only when something is wrong on its side, each in plain words.

These run against pytest-httpserver on 127.0.0.1: a real WordPress cannot be made to refuse a
real image, answer a POST with a redirect, or serve an untrusted certificate on demand.
"""

from __future__ import annotations

import shutil
import ssl
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.ghost.client import GhostClient
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.errors import (
    CertificateError,
    MediaRejectedError,
    ServerError,
    WordPressError,
)
from tests.conftest import SEED_DRAFT
from tests.publishing import publish_and_keep

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
    httpserver.expect_request(API + "media", method="GET").respond_with_json([])  # not there yet
    httpserver.expect_request(API + "media", method="POST").respond_with_json(
        {"code": "rest_upload_sideload_error", "message": "Sorry, not this file type."},
        status=500,
    )
    before = seed.read_bytes()
    with pytest.raises(MediaRejectedError, match="^Fake blog: the blog refused the poster"):
        publish_and_keep(load_draft(seed), seed, account, PASSWORD, client=client(account))
    assert seed.read_bytes() == before


@pytest.mark.parametrize("status", [301, 302])
def test_a_redirected_post_is_not_followed_and_names_the_new_address(
    httpserver: HTTPServer, status: int
) -> None:
    account = blog(httpserver)
    moved = "https://new-blog.example/wp-json/wp/v2/posts"
    httpserver.expect_request(API + "posts", method="POST").respond_with_data(
        "", status=status, headers={"Location": moved}
    )
    with pytest.raises(WordPressError) as caught:
        client(account).create_post({"title": "x", "content": "y", "status": "draft"})
    message = str(caught.value)
    assert message.startswith(f"Fake blog: the blog redirected the request ({status}) to ")
    assert moved in message and "https://new-blog.example" in message
    assert "nothing was sent there" in message
    methods = [request.method for request, _ in httpserver.log]
    assert methods.count("POST") == 1 and "GET" not in methods[1:]  # the POST never became a GET


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ('{"error": "overloaded"}', "application/json"),
        ("<h1>Briefly unavailable</h1>", "text/html"),
    ],
)
def test_a_503_says_the_blog_is_unavailable_not_that_it_is_not_wordpress(
    httpserver: HTTPServer, body: str, kind: str
) -> None:
    site = f"http://127.0.0.1:{httpserver.port}"
    httpserver.expect_request("/").respond_with_data(body, status=503, content_type=kind)
    with pytest.raises(ServerError) as caught:
        client(Account("Fake blog", site, "editor")).discover()
    message = str(caught.value)
    assert "unavailable or overloaded (503)" in message and "try again later" in message
    assert "WordPress" not in message


def test_a_certificate_that_cannot_be_verified_is_not_called_a_network_problem(
    httpserver_tls: HTTPServer,
) -> None:
    site = f"https://127.0.0.1:{httpserver_tls.port}"
    httpserver_tls.expect_request("/").respond_with_data("<html></html>")
    with pytest.raises(CertificateError) as caught:
        client(Account("Fake blog", site, "editor")).discover()
    message = str(caught.value)
    assert "security certificate of 127.0.0.1 could not be verified (self-signed" in message
    assert "internet connection" not in message and "could not reach" not in message
    assert not caught.value.retryable


@pytest.fixture
def httpserver_tls(tmp_path: Path) -> Iterator[HTTPServer]:
    """A server with a self-signed certificate, as a misconfigured blog would have."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = HTTPServer(host="127.0.0.1", port=0, ssl_context=context)
    server.start()
    yield server
    server.clear()
    server.stop()


GHOST_KEY = "0123456789abcdef01234567:" + "ab" * 32
GHOST_API = "/ghost/api/admin/"


def ghost(server: HTTPServer) -> GhostClient:
    return GhostClient(Account("Fake Ghost", f"http://127.0.0.1:{server.port}", ""), GHOST_KEY)


def test_ghost_a_redirected_create_is_not_followed(httpserver: HTTPServer) -> None:
    moved = "https://new-site.example/ghost/api/admin/posts/"
    httpserver.expect_request(GHOST_API + "posts/", method="POST").respond_with_data(
        "", status=302, headers={"Location": moved}
    )
    with pytest.raises(WordPressError, match="redirected the request .302. to https://new-site"):
        ghost(httpserver).create_post({"title": "x", "html": "<p>y</p>"})
    assert [request.method for request, _ in httpserver.log] == ["POST"]


def test_ghost_a_503_says_the_site_is_unavailable(httpserver: HTTPServer) -> None:
    httpserver.expect_request(GHOST_API + "site/").respond_with_json(
        {"errors": [{"message": "Site is starting up"}]}, status=503
    )
    with pytest.raises(ServerError, match=r"the site is unavailable or overloaded \(503\)"):
        ghost(httpserver).discover()
