"""Filling from TMDB: what a blogger would find in the draft, against a stand-in for TMDB v3."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from postdesk.core.drafts.model import Release, new_draft
from postdesk.core.filmdata.errors import NothingFoundError, TokenError
from postdesk.core.filmdata.found import TMDB_NOTICE
from postdesk.core.filmdata.lookup import LookupSettings, fetch_film, fill_draft, search_films
from tests.filmdata_stand_in import POSTER_BYTES, TOKEN


def test_search_lists_films_with_year_and_both_directors(
    stand_in: HTTPServer, settings: LookupSettings
) -> None:
    hits = search_films("tmdb", "Les étoiles du nord", None, settings)
    assert [h.line() for h in hits] == [
        "tmdb:1001\tLes Étoiles du Nord\t2024\tCéline Marchetti, Bjørn Åberg",
        "tmdb:1002\tThe Quiet Harbour\t2023\tAnn Lee",
    ]
    assert hits[0].thumbnail_url == stand_in.url_for("/t/p/w92/etoiles.jpg")
    assert hits[1].thumbnail_url is None  # no poster


def test_empty_search_says_nothing_was_found(
    stand_in: HTTPServer, settings: LookupSettings
) -> None:
    with pytest.raises(NothingFoundError, match="TMDB found no film called 'zzzz'"):
        search_films("tmdb", "zzzz", None, settings)


def test_fill_of_an_empty_draft_sets_every_fact(
    stand_in: HTTPServer, settings: LookupSettings, tmp_path: Path
) -> None:
    draft_file = tmp_path / "etoiles.postdesk"
    merge, found = fill_draft(new_draft(), draft_file, "tmdb:1001", settings)
    film = merge.film
    assert merge.differences == []
    assert found.notice == TMDB_NOTICE
    assert (film.title, film.year, film.runtime_minutes, film.rating) == (
        "Les Étoiles du Nord",
        2024,
        104,
        "PG-13",
    )
    assert film.tagline == "Le nord n’attend pas."
    assert film.genres == ["Drama", "Romance"]
    assert film.directors == ["Céline Marchetti", "Bjørn Åberg"]
    assert film.writers == ["Céline Marchetti", "Hélène Dubois"]
    assert film.releases == [
        Release("at Toronto International Film Festival", dt.date(2024, 9, 6)),
        Release("theaters", dt.date(2024, 11, 1)),
        Release("VOD", dt.date(2024, 12, 3)),
    ]
    assert film.trailer_url == "https://www.youtube.com/watch?v=trailerOff1"
    assert film.poster == "les-étoiles-du-nord.jpg"
    assert (tmp_path / film.poster).read_bytes() == POSTER_BYTES
    assert any("/t/p/w500/" in str(entry[0].path) for entry in stand_in.log)


def test_cast_is_the_first_eight_in_billing_order_with_best_known_credits(
    stand_in: HTTPServer, settings: LookupSettings
) -> None:
    found, _client = fetch_film("tmdb:1001", settings)
    cast = found.film.cast
    assert len(cast) == 8
    assert [m.name for m in cast[:3]] == ["Zoë Łukasiewicz", "Søren Ødegård", "Amélie Kerouac"]
    known = {m.name: m.known_for for m in cast}
    assert known["Zoë Łukasiewicz"] == "Quantico"  # a series beats a film; talk show never counts
    assert known["Søren Ødegård"] is None  # only a bit part elsewhere
    assert known["Amélie Kerouac"] == "La Rivière"  # not a voice cameo, not "Herself"
    assert known["José Núñez"] == "Mar Adentro"  # same votes: the more popular
    assert "Les Étoiles du Nord" not in known.values()  # never the film being filled


def test_no_trailer_no_rating_no_poster_leaves_those_empty(
    stand_in: HTTPServer, settings: LookupSettings, tmp_path: Path
) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    merge, found = fill_draft(new_draft(), folder / "harbour.postdesk", "tmdb:1002", settings)
    assert merge.film.trailer_url is None  # only a teaser
    assert merge.film.rating is None
    assert merge.film.poster is None and found.poster_url is None
    assert merge.film.tagline is None
    assert list(folder.iterdir()) == []


def test_token_goes_in_the_header_never_in_the_url(
    stand_in: HTTPServer, settings: LookupSettings
) -> None:
    fetch_film("tmdb:1001", settings)
    for request, _response in stand_in.log:
        assert TOKEN not in request.url


def test_wrong_token_is_named_as_the_tmdb_token(
    stand_in: HTTPServer, settings: LookupSettings
) -> None:
    settings.token = "not-the-token"
    with pytest.raises(TokenError, match="TMDB token") as caught:
        fetch_film("tmdb:1001", settings)
    assert "not-the-token" not in str(caught.value)


def test_missing_token_says_where_to_add_it(settings: LookupSettings) -> None:
    settings.token = None
    with pytest.raises(TokenError, match="Settings"):
        fetch_film("tmdb:1001", settings)


def test_second_fill_of_the_same_film_makes_no_request(
    stand_in: HTTPServer, settings: LookupSettings, tmp_path: Path
) -> None:
    first, _found = fill_draft(new_draft(), tmp_path / "a" / "film.postdesk", "tmdb:1001", settings)
    assert len(stand_in.log) == 11  # the film, configuration, eight people, the poster
    stand_in.clear_log()
    again, _found = fill_draft(new_draft(), tmp_path / "b" / "film.postdesk", "tmdb:1001", settings)
    assert stand_in.log == []
    assert again.film == first.film
    assert (tmp_path / "b" / "les-étoiles-du-nord.jpg").read_bytes() == POSTER_BYTES


def test_unknown_film_is_nothing_found(stand_in: HTTPServer, settings: LookupSettings) -> None:
    with pytest.raises(NothingFoundError):
        fetch_film("tmdb:999999", settings)
