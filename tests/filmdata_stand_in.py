"""Stand-ins for TMDB and Wikidata on 127.0.0.1, answering in their documented wire formats."""

from __future__ import annotations

import json
import re
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from postdesk.core.filmdata.lookup import LookupSettings
from postdesk.core.paths import UserDirs

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "filmdata"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.test-read-access-token"


def _png(width: int, height: int) -> bytes:
    """A real (tiny, dark red) PNG: the poster TMDB would send, small enough to inline."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80\x10\x20" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


POSTER_BYTES = _png(20, 30)
#: TMDB's documented answer to a wrong token (status_code 7).
TMDB_401 = {
    "status_code": 7,
    "status_message": "Invalid API key: You must be granted a valid key.",
    "success": False,
}

TMDB_404 = {
    "status_code": 34,
    "status_message": "The resource you requested could not be found.",
    "success": False,
}

Handler = Callable[[Request], Response]


def _json(data: object, status: int = 200, content_type: str = "application/json") -> Response:
    return Response(json.dumps(data, ensure_ascii=False), status, content_type=content_type)


def fixture(name: str) -> object:
    """A stored answer from ``tests/fixtures/filmdata``."""
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


def tmdb_handler(server: HTTPServer) -> Handler:
    """TMDB v3: Bearer token checked, then the stored answer for the path."""

    def handle(request: Request) -> Response:
        if request.path.startswith("/t/p/"):
            return Response(POSTER_BYTES, 200, content_type="image/png")
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return _json(TMDB_401, 401)
        path = request.path.removeprefix("/3/")
        if path == "configuration":
            config = fixture("tmdb/configuration.json")
            assert isinstance(config, dict)
            config["images"]["secure_base_url"] = server.url_for("/t/p/")
            return _json(config)
        if path == "authentication":
            return _json({"success": True, "status_code": 1, "status_message": "Success."})
        if path == "search/movie":
            query = request.args.get("query", "")
            name = "search_movie" if "nord" in query.casefold() else "search_empty"
            return _json(fixture(f"tmdb/{name}.json"))
        if match := re.fullmatch(r"movie/(\d+)", path):
            assert request.args.get("append_to_response") == "credits,release_dates,videos"
            file = FIXTURES / "tmdb" / f"movie_{match[1]}.json"
        elif match := re.fullmatch(r"person/(\d+)/combined_credits", path):
            file = FIXTURES / "tmdb" / f"person_{match[1]}.json"
        else:
            file = FIXTURES / "missing"
        if not file.exists():
            return _json(TMDB_404, 404)
        return _json(json.loads(file.read_text(encoding="utf-8")))

    return handle


def wikidata_handler() -> Handler:
    """The Wikidata API (wbsearchentities) and the query service (SPARQL results JSON)."""

    def handle(request: Request) -> Response:
        if request.path == "/w/api.php":
            assert request.args.get("action") == "wbsearchentities"
            found = "nord" in request.args.get("search", "").casefold()
            return _json(fixture("wikidata/search.json" if found else "wikidata/search_empty.json"))
        query = request.args.get("query", "")
        assert "postdesk/" in request.headers.get("User-Agent", "")
        for marker, name in (
            ("GROUP_CONCAT", "search"),
            ("wikibase:sitelinks", "known_for"),
            ("p:P161", "cast"),
            ("p:P577", "releases"),
            ('BIND("director"', "facts"),
        ):
            if marker in query:
                qid = "Q1001" if "Q1001" in query else "other"
                file = FIXTURES / "wikidata" / f"sparql_{name}_{qid}.json"
                if name == "search" or not file.exists():
                    file = FIXTURES / "wikidata" / f"sparql_{name}.json"
                return _json(
                    json.loads(file.read_text(encoding="utf-8")),
                    content_type="application/sparql-results+json",
                )
        return Response("unknown query", 400)

    return handle


def serve_stand_ins(server: HTTPServer) -> dict[str, str]:
    """Answer as TMDB and Wikidata on ``server``; returns the environment pointing there."""
    tmdb = tmdb_handler(server)
    wikidata = wikidata_handler()

    def route(request: Request) -> Response:
        if request.path.startswith(("/3/", "/t/p/")):
            return tmdb(request)
        return wikidata(request)

    server.expect_request(re.compile(".*")).respond_with_handler(route)
    return {
        "POSTDESK_TMDB_API_URL": server.url_for("/3"),
        "POSTDESK_WIKIDATA_API_URL": server.url_for("/w/api.php"),
        "POSTDESK_WIKIDATA_SPARQL_URL": server.url_for("/sparql"),
    }


@pytest.fixture
def stand_in(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """Both sources on one local server, with postdesk pointed at it."""
    for name, value in serve_stand_ins(httpserver).items():
        monkeypatch.setenv(name, value)
    return httpserver


@pytest.fixture
def settings(user_dirs: UserDirs) -> LookupSettings:
    """Look-up settings with the test's token and its own cache folder."""
    return LookupSettings(token=TOKEN, dirs=user_dirs)
