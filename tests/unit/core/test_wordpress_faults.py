"""What a real WordPress cannot be made to do on demand: time-outs, 5xx, broken answers.

These run against pytest-httpserver on 127.0.0.1. Everything a real server can show is
tested against the real WordPress in ``tests/integration``.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.accounts import Account, AccountError
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConnectionFailedError,
    NotWordPressError,
    ServerError,
    TimedOutError,
    WordPressError,
)
from tests.conftest import SEED_DRAFT
from tests.publishing import publish_and_keep

PASSWORD = "abcd efgh ijkl mnop qrst uvwx"
JSON = "application/json"


def api_link(server: HTTPServer) -> dict[str, str]:
    return {"Link": f'<{server.url_for("/wp-json/")}>; rel="https://api.w.org/"'}


class FakeBlog:
    """Just enough of the WordPress REST API for a publish, with faults on the create.

    It has no batch route, as WordPress before 5.6: terms are created one by one.
    """

    def __init__(self, server: HTTPServer, create_faults: list[str]) -> None:
        self.server = server
        self.posts: dict[int, dict[str, Any]] = {}
        self.create_attempts = 0
        self.faults = create_faults
        route = "/wp-json/wp/v2/"
        server.expect_request("/").respond_with_data("<html></html>", headers=api_link(server))
        server.expect_request(route + "posts", method="GET").respond_with_handler(self.find)
        server.expect_request(route + "posts", method="POST").respond_with_handler(self.create)
        server.expect_request(route + "posts/101", method="PUT").respond_with_handler(self.update)
        server.expect_request(route + "categories").respond_with_handler(self.term)
        server.expect_request(route + "tags").respond_with_handler(self.term)
        server.expect_request(route + "media", method="GET").respond_with_json([])
        no_batch = {"code": "rest_no_route", "message": "No route", "data": {"status": 404}}
        server.expect_request("/wp-json/batch/v1").respond_with_json(no_batch, status=404)
        server.expect_request(route + "media", method="POST").respond_with_json(
            {"id": 7, "source_url": server.url_for("/poster.jpg")}, status=201
        )

    def find(self, request: Request) -> Response:
        found = [p for p in self.posts.values() if p["slug"] == request.args.get("slug")]
        return Response(json.dumps(found), content_type=JSON)

    def term(self, request: Request) -> Response:
        if request.method == "GET":
            return Response("[]", content_type=JSON)
        name = (request.json or {})["name"]
        return Response(json.dumps({"id": 3, "name": name}), status=201, content_type=JSON)

    def create(self, request: Request) -> Response:
        self.create_attempts += 1
        fault = self.faults.pop(0) if self.faults else None
        if fault == "503-before":  # refused before anything was stored
            return Response("<html>Busy</html>", status=503, content_type="text/html")
        post = self._store(101, request.json or {})
        if fault == "slow":  # stored, but the answer comes after the client gave up
            time.sleep(1.0)
        if fault == "502-after":  # stored, then the proxy in front failed
            return Response("<html>Bad gateway</html>", status=502, content_type="text/html")
        return Response(json.dumps(post), status=201, content_type=JSON)

    def update(self, request: Request) -> Response:
        post = self._store(101, {**self.posts[101]["fields"], **(request.json or {})})
        return Response(json.dumps(post), content_type=JSON)

    def _store(self, post_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        post = {
            "id": post_id,
            "fields": fields,
            "slug": fields["slug"],
            "status": fields["status"],
            "link": self.server.url_for(f"/{fields['slug']}/"),
            "title": {"raw": fields["title"]},
            "content": {"raw": fields["content"]},
            "modified_gmt": "2026-11-24T10:00:00",
            "featured_media": fields.get("featured_media", 0),
        }
        self.posts[post_id] = post
        return post


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.postdesk"
    shutil.copy(SEED_DRAFT, path)
    shutil.copy(SEED_DRAFT.with_name("1-mile-to-you.jpg"), tmp_path / "1-mile-to-you.jpg")
    return path


def account(server: HTTPServer) -> Account:
    return Account("Fake blog", server.url_for("/").rstrip("/"), "editor")


def client(server: HTTPServer, read_timeout: float = 5.0, retries: bool = True) -> WordPressClient:
    wp = WordPressClient(account(server), PASSWORD, timeout=(2.0, read_timeout))
    if not retries:
        for adapter in wp._session.adapters.values():
            adapter.max_retries.total = 0  # type: ignore[attr-defined]
    return wp


def publish(server: HTTPServer, seed: Path, read_timeout: float = 5.0) -> Any:
    return publish_and_keep(
        load_draft(seed), seed, account(server), PASSWORD, client=client(server, read_timeout)
    )


def test_a_featured_image_the_blog_ignored_is_reported(httpserver: HTTPServer, seed: Path) -> None:
    blog = FakeBlog(httpserver, [])
    original = blog._store

    def store_without_featured_media(post_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        return original(post_id, {**fields, "featured_media": 0})

    blog._store = store_without_featured_media  # type: ignore[method-assign]
    before = seed.read_bytes()
    with pytest.raises(WordPressError, match="did not set the poster .media 7. as its featured"):
        publish(httpserver, seed)
    assert seed.read_bytes() == before


@pytest.mark.parametrize("fault", ["slow", "502-after"])
def test_a_lost_create_answer_makes_no_second_post(
    httpserver: HTTPServer, seed: Path, fault: str
) -> None:
    blog = FakeBlog(httpserver, [fault])
    result = publish(httpserver, seed, read_timeout=0.5)
    assert blog.create_attempts == 1  # found by its slug, not created again
    assert list(blog.posts) == [101] and result.post_id == 101
    assert load_draft(seed).publication_for("Fake blog").post_id == 101  # type: ignore[union-attr]


def test_a_create_refused_with_503_is_sent_again(httpserver: HTTPServer, seed: Path) -> None:
    blog = FakeBlog(httpserver, ["503-before"])
    result = publish(httpserver, seed)
    assert blog.create_attempts == 2 and list(blog.posts) == [101]
    assert result.created


def test_a_create_failing_twice_leaves_the_draft_alone(httpserver: HTTPServer, seed: Path) -> None:
    blog = FakeBlog(httpserver, ["503-before", "503-before"])
    before = seed.read_bytes()
    with pytest.raises(
        ServerError, match=r"unavailable or overloaded \(503\) while trying to create the post"
    ):
        publish(httpserver, seed)
    assert blog.create_attempts == 2 and not blog.posts
    assert seed.read_bytes() == before


def flaky_user(calls: list[int]) -> Any:
    def handler(request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            return Response("busy", status=503, headers={"Retry-After": "0"})
        user = {"id": 1, "name": "Edith", "roles": ["editor"], "capabilities": {"publish_posts": 1}}
        return Response(json.dumps(user), content_type=JSON)

    return handler


def test_503_then_success_on_a_read(httpserver: HTTPServer) -> None:
    calls: list[int] = []
    httpserver.expect_request("/").respond_with_data("", headers=api_link(httpserver))
    httpserver.expect_request("/wp-json/wp/v2/users/me").respond_with_handler(flaky_user(calls))
    user = client(httpserver).current_user()
    assert (user.name, user.can_publish, len(calls)) == ("Edith", True, 2)


def test_a_lasting_server_error_is_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("", headers=api_link(httpserver))
    httpserver.expect_request("/wp-json/wp/v2/users/me").respond_with_data(
        "<h1>Oops</h1>", status=500, content_type="text/html"
    )
    with pytest.raises(ServerError, match=r"^Fake blog: the blog had a server error \(500\)"):
        client(httpserver).current_user()


@pytest.mark.parametrize("retries", [False, True])
def test_a_time_out_is_reported(httpserver: HTTPServer, retries: bool) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.4)
        return Response("{}", content_type=JSON)

    httpserver.expect_request("/").respond_with_handler(slow)
    with pytest.raises(
        TimedOutError, match="did not answer in time while trying to reach the blog"
    ):
        client(httpserver, read_timeout=0.1, retries=retries).discover()


def test_broken_json_is_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("", headers=api_link(httpserver))
    httpserver.expect_request("/wp-json/wp/v2/users/me").respond_with_data(
        '{"id": 1, "name": ', content_type=JSON
    )
    with pytest.raises(NotWordPressError, match="sent something that is not JSON"):
        client(httpserver).current_user()


def test_a_redirect_to_a_login_page_is_reported(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("", headers=api_link(httpserver))
    login = httpserver.url_for("/wp-login.php?redirect_to=x")
    httpserver.expect_request("/wp-json/wp/v2/users/me").respond_with_data(
        "", status=302, headers={"Location": login}
    )
    httpserver.expect_request("/wp-login.php").respond_with_data(
        "<form>Log in</form>", content_type="text/html"
    )
    with pytest.raises(NotWordPressError, match="sent a login page instead of answering"):
        client(httpserver).current_user()


def test_a_site_that_is_not_wordpress(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_data("<html>Shop</html>", content_type="text/html")
    with pytest.raises(NotWordPressError, match="sent a web page where the WordPress API"):
        client(httpserver).discover()


def test_the_rest_route_fallback_without_a_link_header(httpserver: HTTPServer) -> None:
    me = {"rest_route": "/wp/v2/users/me", "context": "edit"}
    user = {"id": 2, "name": "Plain Permalinks", "capabilities": {}}
    httpserver.expect_request("/", query_string=me).respond_with_json(user)
    httpserver.expect_request("/", query_string={"rest_route": "/"}).respond_with_json(
        {"namespaces": ["oembed/1.0", "wp/v2"]}
    )
    httpserver.expect_request("/").respond_with_data("<html></html>", content_type="text/html")
    wp = client(httpserver)
    assert wp.discover().endswith("/?rest_route=/")
    assert wp.current_user().name == "Plain Permalinks"


def test_a_401_on_an_upload_means_a_wrong_password(httpserver: HTTPServer, seed: Path) -> None:
    refused = {"code": "rest_cannot_create", "message": "Sorry.", "data": {"status": 401}}
    httpserver.expect_request("/wp-json/wp/v2/media", method="POST").respond_with_json(
        refused, status=401
    )
    FakeBlog(httpserver, [])
    before = seed.read_bytes()
    with pytest.raises(AuthenticationError, match="password while trying to upload the poster"):
        publish(httpserver, seed)
    assert seed.read_bytes() == before


def test_no_network_is_reported() -> None:
    wp = WordPressClient(
        Account("Offline blog", "http://127.0.0.1:9", "me"), PASSWORD, timeout=(0.5, 0.5)
    )
    for adapter in wp._session.adapters.values():
        adapter.max_retries.total = 0  # type: ignore[attr-defined]
    with pytest.raises(ConnectionFailedError, match="^Offline blog: could not reach 127.0.0.1"):
        wp.discover()


def test_credentials_never_go_over_plain_http_to_another_host() -> None:
    with pytest.raises(AccountError, match="uses plain http"):
        WordPressClient(Account("B", "http://blog.example", "me"), PASSWORD)


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    caplog.set_level(logging.DEBUG)
    yield caplog


def test_no_secret_in_errors_logs_or_reprs(
    httpserver: HTTPServer, debug_logs: pytest.LogCaptureFixture
) -> None:
    refused = {"code": "rest_not_logged_in", "message": "Not logged in.", "data": {"status": 401}}
    httpserver.expect_request("/").respond_with_data("", headers=api_link(httpserver))
    httpserver.expect_request("/wp-json/wp/v2/users/me").respond_with_json(refused, status=401)
    wp = client(httpserver)
    with pytest.raises(WordPressError) as caught:
        wp.current_user()
    seen = [str(caught.value), repr(caught.value), repr(wp), debug_logs.text]
    assert all(PASSWORD not in text and "abcd" not in text for text in seen)
    assert "Fake blog: the blog refused the user name or application password" in seen[0]
