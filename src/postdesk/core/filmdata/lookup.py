"""One entry point for the CLI and the window: search a source, fetch a film, fill a draft."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from postdesk.core.drafts.model import Draft
from postdesk.core.filmdata.cache import AnswerCache
from postdesk.core.filmdata.errors import CancelledError, FilmDataError, NothingFoundError
from postdesk.core.filmdata.found import FilmHit, FoundFilm, parse_film_id
from postdesk.core.filmdata.merge import Merge, merge_film
from postdesk.core.filmdata.poster import download_poster
from postdesk.core.filmdata.web import WebClient
from postdesk.core.paths import UserDirs


class FilmSource(Protocol):
    """What every source offers."""

    name: str

    def search(self, query: str, year: int | None = None) -> list[FilmHit]:
        """Candidate films for a title."""
        ...

    def fetch(self, ident: str) -> FoundFilm:
        """One film's facts."""
        ...


@dataclass
class LookupSettings:
    """The blogger's choices for look-ups (Settings in the window, defaults on the command line)."""

    region: str = "US"
    cast_count: int = 8
    token: str | None = None
    cancel: threading.Event = field(default_factory=threading.Event)
    dirs: UserDirs = field(default_factory=UserDirs.default)


def open_source(source: str, settings: LookupSettings) -> tuple[FilmSource, WebClient]:
    """The source named ``source`` and the client it talks through (its request count)."""
    cache = AnswerCache(settings.dirs.cache / "filmdata" / source)
    if source == "tmdb":
        from postdesk.core.filmdata.tmdb import TmdbSource

        client = WebClient("TMDB", cache, cancel=settings.cancel)
        return TmdbSource(client, settings.token, settings.region, settings.cast_count), client
    if source == "wikidata":
        from postdesk.core.filmdata.wikidata import WikidataSource

        client = WebClient("Wikidata", cache, cancel=settings.cancel)
        return WikidataSource(client, settings.region, settings.cast_count), client
    raise ValueError(f"unknown film source {source!r}: use wikidata or tmdb")


def search_films(
    source: str, query: str, year: int | None, settings: LookupSettings
) -> list[FilmHit]:
    """Films matching ``query``; ``NothingFoundError`` when there are none."""
    query = query.strip()
    if not query:
        raise NothingFoundError("type a film title to search for")
    finder, _client = open_source(source, settings)
    hits = finder.search(query, year)
    if not hits:
        raise NothingFoundError(f"{finder.name} found no film called {query!r}")
    return hits


def fetch_film(film_id: str, settings: LookupSettings) -> tuple[FoundFilm, WebClient]:
    """A film's facts by id (``tmdb:603``), with the client that fetched them."""
    source, ident = parse_film_id(film_id)
    finder, client = open_source(source, settings)
    return finder.fetch(ident), client


def fill_draft(
    draft: Draft, draft_file: Path, film_id: str, settings: LookupSettings, replace: bool = False
) -> tuple[Merge, FoundFilm]:
    """The draft's film filled from ``film_id``; ``draft`` itself is left untouched.

    The poster is downloaded next to ``draft_file`` only when the draft has none (or on
    ``replace``), so a fill never replaces the blogger's own picture unasked.
    """
    found, client = fetch_film(film_id, settings)
    if found.poster_url and (replace or not draft.film.poster):
        try:
            found.film.poster = download_poster(
                client, found.poster_url, found.film.title, draft_file.resolve().parent
            )
        except CancelledError:
            raise
        except (FilmDataError, OSError) as err:
            found.warnings.append(f"the poster could not be saved: {err}")
    return merge_film(draft.film, found.film, replace), found
