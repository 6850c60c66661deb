"""``postdesk film search``, ``new --film`` and ``fill`` as a user runs them, against stand-ins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.filmdata_stand_in import TOKEN
from tests.unit.cli.test_draft_commands import assert_clean_failure, postdesk


@pytest.fixture
def tmdb_token(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("POSTDESK_TMDB_TOKEN", TOKEN)
    return TOKEN


def test_search_prints_one_line_per_film(stand_in: HTTPServer) -> None:
    result = postdesk("film", "search", "Les Étoiles du Nord")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "wikidata:Q1001\tLes Étoiles du Nord\t2024\tCéline Marchetti, Bjørn Åberg",
        "wikidata:Q1002\tThe Quiet Harbour\t2023\tAnn Lee",
    ]


def test_empty_search_is_a_clean_failure(stand_in: HTTPServer, tmdb_token: str) -> None:
    result = postdesk("film", "search", "zzzz", "--source", "tmdb")
    assert_clean_failure(result, "TMDB found no film called 'zzzz'")


def test_wrong_token_is_a_clean_failure_that_names_the_tmdb_token(
    stand_in: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("POSTDESK_TMDB_TOKEN", "wrong-token-123")
    result = postdesk("film", "search", "nord", "--source", "tmdb")
    assert_clean_failure(result, "TMDB token")
    assert "wrong-token-123" not in result.stderr + result.stdout


def test_new_from_film_writes_a_filled_draft_with_its_poster(
    stand_in: HTTPServer, tmdb_token: str, tmp_path: Path
) -> None:
    draft = tmp_path / "etoiles.postdesk"
    result = postdesk("new", "-o", draft, "--film", "tmdb:1001", "--template", "review")
    assert result.returncode == 0, result.stderr
    assert "This product uses the TMDB API but is not endorsed or certified by TMDB." in (
        result.stderr
    )
    data = json.loads(draft.read_text(encoding="utf-8"))
    assert data["post"]["template"] == "review"
    assert data["film"]["title"] == "Les Étoiles du Nord"
    assert data["film"]["directors"] == ["Céline Marchetti", "Bjørn Åberg"]
    assert len(data["film"]["cast"]) == 8
    assert (tmp_path / data["film"]["poster"]).is_file()
    assert postdesk("check", draft).returncode == 0


def test_fill_keeps_the_bloggers_words_and_lists_the_differences(
    stand_in: HTTPServer, tmp_path: Path
) -> None:
    draft = tmp_path / "etoiles.postdesk"
    assert postdesk("new", "-o", draft).returncode == 0
    data = json.loads(draft.read_text(encoding="utf-8"))
    data["film"]["title"] = "My Étoiles"
    data["film"]["extra_thing"] = {"kept": True}
    draft.write_text(json.dumps(data), encoding="utf-8")
    result = postdesk("fill", draft, "--film", "wikidata:Q1001")
    assert result.returncode == 0, result.stderr
    assert "kept title: yours 'My Étoiles', found 'Les Étoiles du Nord'" in result.stdout
    filled = json.loads(draft.read_text(encoding="utf-8"))
    assert filled["film"]["title"] == "My Étoiles"
    assert filled["film"]["extra_thing"] == {"kept": True}
    assert filled["film"]["rating"] == "PG-13"
    replaced = postdesk("fill", draft, "--film", "wikidata:Q1001", "--replace")
    assert replaced.returncode == 0, replaced.stderr
    assert json.loads(draft.read_text(encoding="utf-8"))["film"]["title"] == "Les Étoiles du Nord"


def test_failed_fill_leaves_the_draft_as_it_was(stand_in: HTTPServer, tmp_path: Path) -> None:
    draft = tmp_path / "mine.postdesk"
    assert postdesk("new", "-o", draft).returncode == 0
    before = draft.read_bytes()
    result = postdesk("fill", draft, "--film", "tmdb:1001")  # no token anywhere
    assert_clean_failure(result, "TMDB token")
    assert draft.read_bytes() == before
    assert_clean_failure(postdesk("fill", draft, "--film", "imdb:tt1"), "is not a film id")
