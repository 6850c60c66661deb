"""What a source gives back: a list of candidate films, then one film's facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from postdesk.core.drafts.model import Film

TMDB_NOTICE = "This product uses the TMDB API but is not endorsed or certified by TMDB."
WIKIDATA_NOTICE = "Film facts from Wikidata (CC0)."
SOURCES = ("wikidata", "tmdb")


@dataclass(frozen=True)
class FilmHit:
    """One search result, enough for the blogger to pick the right film."""

    film_id: str
    title: str
    year: int | None = None
    directors: tuple[str, ...] = ()
    thumbnail_url: str | None = None

    def line(self) -> str:
        """The result as one line: ``tmdb:123  Title  2017  Director``."""
        year = str(self.year) if self.year else "-"
        directors = ", ".join(self.directors) or "-"
        return f"{self.film_id}\t{self.title}\t{year}\t{directors}"


@dataclass
class FoundFilm:
    """One film's facts as a source has them, ready to fill a draft."""

    film: Film
    source: str
    poster_url: str | None = None
    notice: str = ""
    warnings: list[str] = field(default_factory=list)


def parse_film_id(value: str) -> tuple[str, str]:
    """Split ``tmdb:603`` or ``wikidata:Q83495`` into source and id, refusing anything else."""
    source, sep, ident = value.partition(":")
    source = source.strip().lower()
    ident = ident.strip()
    if not sep or source not in SOURCES or not ident:
        raise ValueError(f"{value!r} is not a film id: use tmdb:NUMBER or wikidata:QNUMBER")
    if source == "tmdb" and not ident.isdigit():
        raise ValueError(f"{value!r}: a TMDB film id is a number, as in tmdb:603")
    if source == "wikidata" and not (ident[:1] in "Qq" and ident[1:].isdigit()):
        raise ValueError(f"{value!r}: a Wikidata film id looks like wikidata:Q83495")
    return source, ident.upper() if source == "wikidata" else ident
