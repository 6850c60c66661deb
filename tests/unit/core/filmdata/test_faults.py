"""What the blogger is told when a source misbehaves: faults only a stand-in can produce."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from postdesk.core.filmdata.cache import AnswerCache
from postdesk.core.filmdata.errors import (
    BrokenAnswerError,
    CancelledError,
    NoNetworkError,
    RateLimitedError,
)
from postdesk.core.filmdata.web import WebClient


def test_429_is_honoured_then_the_answer_used(httpserver: HTTPServer) -> None:
    calls: list[int] = []
    waits: list[float] = []

    def handle(_request: Request) -> Response:
        calls.append(1)
        if len(calls) == 1:
            return Response("", 429, headers={"Retry-After": "2"})
        return Response('{"page": 1, "results": []}', 200, content_type="application/json")

    httpserver.expect_request("/3/search/movie").respond_with_handler(handle)
    client = WebClient("TMDB", sleep=waits.append)
    answer = client.get_json(httpserver.url_for("/3/search/movie"), {"query": "x"})
    assert answer == {"page": 1, "results": []}
    assert waits == [2.0]
    assert client.requests_made == 2


def test_rate_limit_that_never_ends_says_so(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/3/movie/1").respond_with_response(
        Response("", 429, headers={"Retry-After": "1"})
    )
    client = WebClient("TMDB", sleep=lambda _s: None)
    with pytest.raises(RateLimitedError, match="rate limited"):
        client.get_json(httpserver.url_for("/3/movie/1"))


def test_time_out_says_check_the_connection(httpserver: HTTPServer) -> None:
    release = threading.Event()

    def slow(_request: Request) -> Response:
        release.wait(5)
        return Response("{}", 200, content_type="application/json")

    httpserver.expect_request("/sparql").respond_with_handler(slow)
    client = WebClient("Wikidata", timeout=0.2)
    try:
        with pytest.raises(NoNetworkError, match="did not answer in time"):
            client.get_json(httpserver.url_for("/sparql"))
    finally:
        release.set()


def test_no_network_says_so() -> None:
    client = WebClient("TMDB", timeout=2)
    with pytest.raises(NoNetworkError, match="cannot reach TMDB; check your internet connection"):
        client.get_json("http://127.0.0.1:9/3/configuration")


def test_broken_json_is_reported_not_cached(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/w/api.php").respond_with_data(
        '{"search": [', content_type="application/json"
    )

    cache = AnswerCache(tmp_path / "cache")
    client = WebClient("Wikidata", cache)
    with pytest.raises(BrokenAnswerError, match="Wikidata sent an answer postdesk cannot read"):
        client.get_json(httpserver.url_for("/w/api.php"))
    assert not (tmp_path / "cache").exists()


def test_a_cancelled_look_up_sends_nothing(httpserver: HTTPServer) -> None:
    cancel = threading.Event()
    cancel.set()
    client = WebClient("TMDB", cancel=cancel)
    with pytest.raises(CancelledError, match="nothing was changed"):
        client.get_json(httpserver.url_for("/3/configuration"))
    assert httpserver.log == []


def test_a_day_old_answer_is_fetched_again(tmp_path: Path) -> None:

    cache = AnswerCache(tmp_path, max_age=60)
    cache.put("k", {"a": 1})
    assert cache.get("k") == {"a": 1}
    (stored,) = tmp_path.rglob("*.json")
    old = time.time() - 120

    os.utime(stored, (old, old))
    assert cache.get("k") is None


def test_cancel_ends_a_rate_limit_wait(httpserver: HTTPServer) -> None:
    cancel = threading.Event()

    def handle(_request: Request) -> Response:
        cancel.set()  # the blogger cancels while postdesk waits out the limit
        return Response("", 429, headers={"Retry-After": "25"})

    httpserver.expect_request("/3/movie/1").respond_with_handler(handle)
    client = WebClient("TMDB", cancel=cancel)
    with pytest.raises(CancelledError):
        client.get_json(httpserver.url_for("/3/movie/1"))
    assert len(httpserver.log) == 1
