"""Filling from Wikidata (the default, no key): a stand-in speaks the API and SPARQL JSON."""

from __future__ import annotations

import datetime as dt

import pytest
from pytest_httpserver import HTTPServer

from postdesk.core.drafts.model import Release
from postdesk.core.filmdata.errors import NothingFoundError
from postdesk.core.filmdata.found import WIKIDATA_NOTICE
from postdesk.core.filmdata.lookup import LookupSettings, fetch_film, search_films


def test_search_finds_films_only_with_directors(
    stand_in: HTTPServer, settings: LookupSettings
) -> None:
    hits = search_films("wikidata", "Les Étoiles du Nord", None, settings)
    assert [h.line() for h in hits] == [
        "wikidata:Q1001\tLes Étoiles du Nord\t2024\tCéline Marchetti, Bjørn Åberg",
        "wikidata:Q1002\tThe Quiet Harbour\t2023\tAnn Lee",
    ]  # the novel of the same name is not offered


def test_search_by_year(stand_in: HTTPServer, settings: LookupSettings) -> None:
    hits = search_films("wikidata", "Les Étoiles du Nord", 2023, settings)
    assert [h.film_id for h in hits] == ["wikidata:Q1002"]


def test_empty_search(stand_in: HTTPServer, settings: LookupSettings) -> None:
    with pytest.raises(NothingFoundError, match="Wikidata found no film"):
        search_films("wikidata", "zzzz", None, settings)


def test_facts_of_a_film(stand_in: HTTPServer, settings: LookupSettings) -> None:
    found, client = fetch_film("wikidata:Q1001", settings)
    film = found.film
    assert found.notice == WIKIDATA_NOTICE
    assert (film.title, film.year, film.runtime_minutes, film.rating) == (
        "Les Étoiles du Nord",
        2024,
        104,
        "PG-13",
    )
    assert film.directors == ["Céline Marchetti", "Bjørn Åberg"]
    assert film.writers == ["Céline Marchetti", "Hélène Dubois"]
    assert film.genres == ["drama film", "romance film"]
    assert film.trailer_url == "https://www.youtube.com/watch?v=wdTrailer01"
    assert film.releases == [
        Release("at Toronto International Film Festival", dt.date(2024, 9, 6)),
        Release("theaters", dt.date(2024, 11, 1)),
    ]
    assert [(m.name, m.character, m.known_for) for m in film.cast] == [
        ("Zoë Łukasiewicz", "Margaux", "Quantico"),
        ("Søren Ødegård", None, None),
        ("Graham Rogers", None, "Quantico"),  # an unlabelled character item is not shown
    ]
    for request, _response in stand_in.log:
        assert request.headers["User-Agent"].startswith("postdesk/")


def test_film_with_no_trailer_no_rating(stand_in: HTTPServer, settings: LookupSettings) -> None:
    found, _client = fetch_film("wikidata:Q1002", settings)
    assert found.film.title == "The Quiet Harbour"
    assert found.film.trailer_url is None and found.film.rating is None
    assert found.film.cast == [] and found.film.releases == []
    assert found.film.year == 2023
