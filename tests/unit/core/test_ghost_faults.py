"""What a real Ghost cannot be made to do on demand: time-outs, 5xx, broken answers.

These run against pytest-httpserver on 127.0.0.1; everything a real Ghost can show is tested
against the real one in ``tests/integration/test_publish_ghost.py``. Also the token itself:
its claims are what Ghost checks, decoded here with PyJWT.
"""

from __future__ import annotations

import datetime as dt
import logging
import time

import jwt
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from postdesk.core.publish.accounts import Account, AccountError
from postdesk.core.publish.ghost.client import ACCEPT_VERSION, AdminKey, GhostClient
from postdesk.core.publish.ghost.errors import NotGhostError
from postdesk.core.publish.wordpress.errors import ServerError, TimedOutError

KEY_ID = "6b06013711a3465ea0268e65"
SECRET = "26f633ba672cc4b39300192cd1ef51cd03709c2a70e9687341cb32b5ce3aff1d"
KEY = f"{KEY_ID}:{SECRET}"
SITE = {"site": {"title": "Fake", "version": "5.130"}}


def client_for(server: HTTPServer, **kwargs: object) -> GhostClient:
    return GhostClient(Account("Fake Ghost", server.url_for("/").rstrip("/"), ""), KEY, **kwargs)  # type: ignore[arg-type]


def test_each_request_carries_a_five_minute_admin_token_and_the_pinned_version(
    httpserver: HTTPServer,
) -> None:
    seen: list[Request] = []

    def posts(request: Request) -> Response:
        seen.append(request)
        return Response('{"posts": []}', content_type="application/json")

    httpserver.expect_request("/ghost/api/admin/site/").respond_with_json(SITE)
    httpserver.expect_request("/ghost/api/admin/posts/").respond_with_handler(posts)
    assert client_for(httpserver).discover() == "5.130"
    scheme, token = seen[0].headers["Authorization"].split(" ")
    assert scheme == "Ghost"
    assert jwt.get_unverified_header(token)["kid"] == KEY_ID
    claims = jwt.decode(token, bytes.fromhex(SECRET), algorithms=["HS256"], audience="/admin/")
    assert claims["exp"] - claims["iat"] == 300
    assert abs(claims["iat"] - dt.datetime.now(dt.UTC).timestamp()) < 60
    assert seen[0].headers["Accept-Version"] == ACCEPT_VERSION


def test_the_secret_never_shows(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    key = AdminKey("Fake Ghost", KEY)
    client = GhostClient(Account("Fake Ghost", "https://ghost.example", ""), KEY)
    assert SECRET not in repr(key) + repr(client) + caplog.text


def test_the_key_never_crosses_the_network_over_plain_http() -> None:
    with pytest.raises(AccountError, match="plain http"):
        GhostClient(Account("Far", "http://ghost.example", ""), KEY)


def test_a_page_that_is_not_ghost_is_named(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ghost/api/admin/site/").respond_with_data(
        "<html>my shop</html>", content_type="text/html"
    )
    with pytest.raises(NotGhostError, match="not as a Ghost site would"):
        client_for(httpserver).discover()


def test_a_404_without_ghost_errors_is_not_ghost(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/ghost/api/admin/site/").respond_with_data("gone", status=404)
    with pytest.raises(NotGhostError, match="is it the Ghost site's address"):
        client_for(httpserver).discover()


def test_a_server_error_says_so_with_ghosts_words(httpserver: HTTPServer) -> None:
    body = {"errors": [{"type": "InternalServerError", "message": "Database is locked"}]}
    httpserver.expect_request("/ghost/api/admin/site/").respond_with_json(body, status=500)
    with pytest.raises(ServerError, match="server error \\(500\\).*Database is locked"):
        client_for(httpserver).discover()


def test_a_site_that_does_not_answer_in_time(httpserver: HTTPServer) -> None:
    def slow(request: Request) -> Response:
        time.sleep(1.5)
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/ghost/api/admin/site/").respond_with_handler(slow)
    with pytest.raises(TimedOutError, match="took too long"):
        client_for(httpserver, timeout=(1.0, 0.5)).discover()
