"""A blog cannot steer the password elsewhere: what a real WordPress will not do on demand."""

from __future__ import annotations

import json

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from postdesk.core.publish.accounts import Account
from postdesk.core.publish.wordpress.client import WordPressClient

HOSTILE = "http://10.99.0.1:9915\\@127.0.0.1/wp-json/"  # urlsplit: 127.0.0.1; urllib3: 10.99.0.1


def blog(request: Request) -> Response:
    """A blog whose home page points its API at another host."""
    route = request.args.get("rest_route")
    if route is None:
        link = f'<{HOSTILE}>; rel="https://api.w.org/"'
        return Response("<html></html>", content_type="text/html", headers={"Link": link})
    if route == "/":
        body: object = {"namespaces": ["wp/v2"]}
    else:
        body = {"id": 1, "name": "Edith", "roles": ["administrator"]}
    return Response(json.dumps(body), content_type="application/json")


def test_an_api_link_to_another_host_is_not_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/").respond_with_handler(blog)
    site = f"http://127.0.0.1:{httpserver.port}"
    client = WordPressClient(Account("Blog", site, "edith"), "pass word")
    assert client.api_root == site + "/?rest_route=/"
    assert client.current_user().name == "Edith"  # the password went to the blog itself only
