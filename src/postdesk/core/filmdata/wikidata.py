"""Wikidata (no key needed): wbsearchentities to find films, SPARQL for their facts (CC0)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from typing import Any

from postdesk.core.drafts.model import CastMember, Film, Release
from postdesk.core.filmdata.errors import BrokenAnswerError, NothingFoundError
from postdesk.core.filmdata.found import WIKIDATA_NOTICE, FilmHit, FoundFilm
from postdesk.core.filmdata.ranking import youtube_url
from postdesk.core.filmdata.web import WebClient

API_URL_ENV = "POSTDESK_WIKIDATA_API_URL"
SPARQL_URL_ENV = "POSTDESK_WIKIDATA_SPARQL_URL"
DEFAULT_API_URL = "https://www.wikidata.org/w/api.php"
DEFAULT_SPARQL_URL = "https://query.wikidata.org/sparql"
_QID = re.compile(r"^Q\d+$")
_LABEL = 'SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }'

SEARCH_QUERY = """SELECT ?film ?filmLabel (MIN(?date) AS ?released)
  (GROUP_CONCAT(DISTINCT ?directorName; separator="|") AS ?directors) WHERE {
  VALUES ?film { %(ids)s }
  ?film wdt:P31/wdt:P279* wd:Q11424 .
  OPTIONAL { ?film wdt:P577 ?date . }
  OPTIONAL { ?film wdt:P57 ?director . ?director rdfs:label ?directorName .
             FILTER(LANG(?directorName) = "en") }
  %(label)s
} GROUP BY ?film ?filmLabel"""

FACTS_QUERY = """SELECT ?kind ?value ?valueLabel WHERE {
  VALUES ?film { wd:%(qid)s }
  { ?film wdt:P57 ?value . BIND("director" AS ?kind) }
  UNION { ?film wdt:P58 ?value . BIND("writer" AS ?kind) }
  UNION { ?film wdt:P136 ?value . BIND("genre" AS ?kind) }
  UNION { ?film wdt:P2047 ?value . BIND("duration" AS ?kind) }
  UNION { ?film wdt:P1657 ?value . BIND("rating" AS ?kind) }
  UNION { ?film wdt:P1651 ?value . BIND("youtube" AS ?kind) }
  UNION { ?film rdfs:label ?value . FILTER(LANG(?value) = "en") BIND("title" AS ?kind) }
  %(label)s
}"""

RELEASES_QUERY = """SELECT ?date ?country ?placeLabel ?festival WHERE {
  wd:%(qid)s p:P577 ?statement . ?statement ps:P577 ?date .
  OPTIONAL { ?statement pq:P291 ?place .
             OPTIONAL { ?place wdt:P297 ?country . }
             OPTIONAL { ?place wdt:P31/wdt:P279* wd:Q220505 . BIND(true AS ?festival) } }
  %(label)s
}"""

CAST_QUERY = """SELECT ?actor ?actorLabel ?characterLabel ?ordinal WHERE {
  wd:%(qid)s p:P161 ?statement . ?statement ps:P161 ?actor .
  OPTIONAL { ?statement pq:P453 ?character . }
  OPTIONAL { ?statement pq:P1545 ?ordinal . }
  %(label)s
}"""

KNOWN_FOR_QUERY = """SELECT ?actor ?work ?workLabel ?links WHERE {
  VALUES ?actor { %(actors)s }
  ?work wdt:P161 ?actor ; wikibase:sitelinks ?links .
  VALUES ?kind { wd:Q11424 wd:Q5398426 }
  ?work wdt:P31 ?kind .
  FILTER(?work != wd:%(qid)s)
  %(label)s
}"""


class WikidataSource:
    """Wikidata through its public API and query service; sends a descriptive User-Agent."""

    name = "Wikidata"

    def __init__(self, client: WebClient, region: str = "US", cast_count: int = 8) -> None:
        self.client = client
        self.api_url = os.environ.get(API_URL_ENV, DEFAULT_API_URL)
        self.sparql_url = os.environ.get(SPARQL_URL_ENV, DEFAULT_SPARQL_URL)
        self.region = region.upper()
        self.cast_count = cast_count

    def _sparql(self, query: str) -> list[dict[str, Any]]:
        answer = self.client.get_json(
            self.sparql_url,
            {"query": query, "format": "json"},
            {"Accept": "application/sparql-results+json"},
        )
        try:
            rows = answer["results"]["bindings"]
        except (TypeError, KeyError):
            raise BrokenAnswerError(
                "Wikidata sent an answer postdesk cannot read; try again later"
            ) from None
        return [{k: v.get("value") for k, v in row.items()} for row in rows]

    def search(self, query: str, year: int | None = None) -> list[FilmHit]:
        """Films (never books or people of the same name) matching ``query``."""
        params = {
            "action": "wbsearchentities",
            "search": query,
            "language": "en",
            "uselang": "en",
            "type": "item",
            "limit": "20",
            "format": "json",
        }
        answer = self.client.get_json(self.api_url, params)
        ids = [
            str(e.get("id"))
            for e in (answer or {}).get("search") or []
            if _QID.match(str(e.get("id")))
        ]
        if not ids:
            return []
        rows = self._sparql(
            SEARCH_QUERY % {"ids": " ".join(f"wd:{q}" for q in ids), "label": _LABEL}
        )
        films = {_qid(r.get("film")): r for r in rows}
        hits = []
        for qid in ids:  # the search's own order: best match first
            row = films.get(qid)
            released = _date(row.get("released")) if row else None
            if row is None or (year and (released is None or released.year != year)):
                continue
            directors = tuple(d for d in str(row.get("directors") or "").split("|") if d)
            title = str(row.get("filmLabel") or qid)
            hits.append(
                FilmHit(f"wikidata:{qid}", title, released.year if released else None, directors)
            )
        return hits

    def fetch(self, ident: str) -> FoundFilm:
        """One film's facts; actors credited by their most linked other film or series."""
        args = {"qid": ident, "label": _LABEL}
        facts = self._sparql(FACTS_QUERY % args)
        if not facts:
            raise NothingFoundError(f"Wikidata has no film {ident}")
        values: dict[str, list[str]] = {}
        for row in facts:
            value = row.get("valueLabel") or row.get("value")
            values.setdefault(str(row.get("kind")), []).append(str(value))
        releases, year = self._releases(ident)
        film = Film(
            title=_first(values, "title") or "",
            year=year,
            genres=_unique(values.get("genre", [])),
            runtime_minutes=_minutes(_first(values, "duration")),
            rating=_first(values, "rating"),
            cast=self._cast(ident),
            directors=_unique(values.get("director", [])),
            writers=_unique(values.get("writer", [])),
            releases=releases,
            trailer_url=youtube_url(key) if (key := _first(values, "youtube")) else None,
        )
        return FoundFilm(film=film, source="wikidata", notice=WIKIDATA_NOTICE)

    def _releases(self, qid: str) -> tuple[list[Release], int | None]:
        rows = self._sparql(RELEASES_QUERY % {"qid": qid, "label": _LABEL})
        dates = [d for r in rows if (d := _date(r.get("date")))]
        releases: list[Release] = []
        for row in rows:
            date = _date(row.get("date"))
            if row.get("festival") and row.get("placeLabel"):
                where = f"at {row['placeLabel']}"
            elif str(row.get("country") or "").upper() == self.region:
                where = "theaters"
            else:
                continue
            if not any(r.where == where and r.date == date for r in releases):
                releases.append(Release(where=where, date=date))
        releases.sort(key=lambda r: r.date or dt.date.max)
        return releases, min(dates).year if dates else None

    def _cast(self, qid: str) -> list[CastMember]:
        rows = self._sparql(CAST_QUERY % {"qid": qid, "label": _LABEL})
        rows.sort(key=lambda r: _ordinal(r.get("ordinal")))
        actors: dict[str, CastMember] = {}
        for row in rows:
            actor = _qid(row.get("actor"))
            if actor and actor not in actors:
                character = row.get("characterLabel")
                actors[actor] = CastMember(
                    name=str(row.get("actorLabel") or actor),
                    character=None if not character or _QID.match(character) else character,
                )
        chosen = dict(list(actors.items())[: self.cast_count])
        if chosen:
            known = self._known_for(qid, list(chosen))
            for actor, member in chosen.items():
                member.known_for = known.get(actor)
        return list(chosen.values())

    def _known_for(self, qid: str, actors: list[str]) -> dict[str, str]:
        query = KNOWN_FOR_QUERY % {
            "actors": " ".join(f"wd:{a}" for a in actors),
            "qid": qid,
            "label": _LABEL,
        }
        best: dict[str, tuple[int, str]] = {}
        for row in self._sparql(query):
            actor, title = _qid(row.get("actor")), row.get("workLabel")
            links = int(_ordinal(row.get("links"))) if row.get("links") else 0
            if actor and title and links > best.get(actor, (-1, ""))[0]:
                best[actor] = (links, str(title))
        return {actor: title for actor, (_links, title) in best.items()}


def _qid(uri: object) -> str:
    return str(uri or "").rsplit("/", 1)[-1]


def _first(values: Mapping[str, list[str]], kind: str) -> str | None:
    found = values.get(kind)
    return found[0] if found else None


def _unique(names: list[str]) -> list[str]:
    return list(dict.fromkeys(n for n in names if n))


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value).lstrip("+")[:10])
    except ValueError:
        return None


def _minutes(value: str | None) -> int | None:
    try:
        return round(float(value)) if value else None
    except ValueError:
        return None


def _ordinal(value: object) -> float:
    try:
        return float(str(value))
    except ValueError:
        return float("inf")
