"""TMDB (API v3): search, one film's facts with credits, releases and videos, actors' credits."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from postdesk.core.drafts.model import CastMember, Film, Release
from postdesk.core.filmdata.errors import BrokenAnswerError, TokenError
from postdesk.core.filmdata.found import TMDB_NOTICE, FilmHit, FoundFilm
from postdesk.core.filmdata.ranking import best_known_credit, official_trailer
from postdesk.core.filmdata.web import WebClient

API_URL_ENV = "POSTDESK_TMDB_API_URL"
DEFAULT_API_URL = "https://api.themoviedb.org/3"
#: Person look-ups at once: fast enough, and polite to TMDB's rate limit.
PERSON_WORKERS = 4
SEARCH_DETAILS = 5
POSTER_WIDTH = 500
#: TMDB release types; 5 (physical) and 6 (TV) are not what a film blog announces.
RELEASE_PLACES = {2: "select theaters", 3: "theaters", 4: "VOD"}
PREMIERE = 1


class TmdbSource:
    """TMDB read with a v3 API read access token, sent only in the Authorization header."""

    name = "TMDB"

    def __init__(
        self, client: WebClient, token: str | None, region: str = "US", cast_count: int = 8
    ) -> None:
        if not token:
            raise TokenError(
                "there is no TMDB token: add your TMDB API read access token in Settings "
                "(or with `postdesk film token set`)"
            )
        self.client = client
        self.base_url = os.environ.get(API_URL_ENV, DEFAULT_API_URL).rstrip("/")
        self.region = region.upper()
        self.cast_count = cast_count
        self._headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}
        self._images: Mapping[str, Any] | None = None

    def _get(self, path: str, params: Mapping[str, str] | None = None) -> Any:
        answer = self.client.get_json(f"{self.base_url}/{path}", params, self._headers)
        if not isinstance(answer, dict):
            raise BrokenAnswerError("TMDB sent an answer postdesk cannot read; try again later")
        return answer

    def verify(self) -> None:
        """Ask TMDB whether the token is good; raises ``TokenError`` when it is not."""
        self.client.cache = None
        self._get("authentication")

    def search(self, query: str, year: int | None = None) -> list[FilmHit]:
        """Films matching ``query``; the first few carry their directors and are cached whole."""
        params = {"query": query, "include_adult": "false", "language": "en-US"}
        if year:
            params["primary_release_year"] = str(year)
        results = [
            r for r in self._get("search/movie", params).get("results") or [] if isinstance(r, dict)
        ]
        with ThreadPoolExecutor(PERSON_WORKERS) as pool:
            details = list(
                pool.map(self._details, [int(r["id"]) for r in results[:SEARCH_DETAILS]])
            )
        hits = []
        for index, result in enumerate(results):
            directors = _directors(details[index]) if index < len(details) else []
            hits.append(
                FilmHit(
                    film_id=f"tmdb:{result['id']}",
                    title=str(result.get("title") or ""),
                    year=_year(result.get("release_date")),
                    directors=tuple(directors),
                    thumbnail_url=self.image_url(result.get("poster_path"), 92),
                )
            )
        return hits

    def _details(self, movie_id: int) -> dict[str, Any]:
        params = {"append_to_response": "credits,release_dates,videos", "language": "en-US"}
        details: dict[str, Any] = self._get(f"movie/{movie_id}", params)
        return details

    def fetch(self, ident: str) -> FoundFilm:
        """One film's facts, each actor credited by their best-known work."""
        details = self._details(int(ident))
        credits = details.get("credits") or {}
        cast = sorted(credits.get("cast") or [], key=lambda c: _number(c.get("order")))
        cast = cast[: self.cast_count]
        with ThreadPoolExecutor(PERSON_WORKERS) as pool:
            known = list(pool.map(lambda c: self._known_for(c, details.get("id")), cast))
        film = Film(
            title=str(details.get("title") or ""),
            year=_year(details.get("release_date")),
            tagline=details.get("tagline") or None,
            synopsis=details.get("overview") or None,
            genres=[str(g["name"]) for g in details.get("genres") or [] if g.get("name")],
            runtime_minutes=details.get("runtime") or None,
            rating=self._rating(details),
            cast=[
                CastMember(name=str(c["name"]), character=c.get("character") or None, known_for=k)
                for c, k in zip(cast, known, strict=True)
            ],
            directors=_directors(details),
            writers=_unique(
                str(c["name"])
                for c in credits.get("crew") or []
                if c.get("department") == "Writing"
            ),
            releases=self._releases(details),
            trailer_url=official_trailer((details.get("videos") or {}).get("results") or []),
        )
        poster = self.image_url(details.get("poster_path"), POSTER_WIDTH)
        return FoundFilm(film=film, source="tmdb", poster_url=poster, notice=TMDB_NOTICE)

    def _known_for(self, member: Mapping[str, Any], movie_id: object) -> str | None:
        person = member.get("id")
        if not isinstance(person, int):
            return None
        answer = self._get(f"person/{person}/combined_credits", {"language": "en-US"})
        this_film = movie_id if isinstance(movie_id, int) else None
        return best_known_credit(answer.get("cast") or [], this_film)

    def _region_dates(self, details: Mapping[str, Any]) -> list[Mapping[str, Any]]:
        for country in (details.get("release_dates") or {}).get("results") or []:
            if str(country.get("iso_3166_1", "")).upper() == self.region:
                return list(country.get("release_dates") or [])
        return []

    def _rating(self, details: Mapping[str, Any]) -> str | None:
        dates = sorted(self._region_dates(details), key=lambda d: d.get("type") != 3)
        return next((str(d["certification"]) for d in dates if d.get("certification")), None)

    def _releases(self, details: Mapping[str, Any]) -> list[Release]:
        releases: list[Release] = []
        for entry in self._region_dates(details):
            kind = entry.get("type")
            note = str(entry.get("note") or "").strip()
            where = RELEASE_PLACES.get(kind) if isinstance(kind, int) else None
            if kind == PREMIERE and note:
                where = f"at {note}"
            date = _date(entry.get("release_date"))
            if where and not any(r.where == where and r.date == date for r in releases):
                releases.append(Release(where=where, date=date))
        return sorted(releases, key=lambda r: r.date or dt.date.max)

    def image_url(self, path: object, width: int) -> str | None:
        """The full URL of a TMDB image at the size nearest ``width``, from ``configuration``."""
        if not isinstance(path, str) or not path:
            return None
        if self._images is None:
            self._images = self._get("configuration").get("images") or {}
        base = str(self._images.get("secure_base_url") or self._images.get("base_url") or "")
        sizes = [s for s in self._images.get("poster_sizes") or [] if str(s).startswith("w")]
        if not base or not sizes:
            return None
        size = min(sizes, key=lambda s: (abs(int(s[1:]) - width), -int(s[1:])))
        return f"{base.rstrip('/')}/{size}{path}"


def _directors(details: Mapping[str, Any]) -> list[str]:
    crew = (details.get("credits") or {}).get("crew") or []
    return _unique(str(c["name"]) for c in crew if c.get("job") == "Director")


def _unique(names: Any) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _year(value: object) -> int | None:
    date = _date(value)
    return date.year if date else None


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else float("inf")
