"""Choosing an actor's best-known credit and a film's official trailer from a source's lists."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

#: TMDB TV genres that are never an actor's "known for": news, reality, talk.
UNSEEN_TV_GENRES = frozenset({10763, 10764, 10767})
#: Billing positions that count as a leading part in a film (0 is top billed).
LEADING_FILM_ORDER = 4
#: Episodes that make a series regular rather than a guest.
LEADING_TV_EPISODES = 5
_NOT_A_PART = re.compile(
    r"\b(self|himself|herself|themselves|host|narrator)\b|\(voice\)|uncredited|cameo", re.I
)


def best_known_credit(
    credits: Iterable[Mapping[str, Any]], exclude_movie_id: int | None
) -> str | None:
    """The title of the most widely seen film or series where the actor had a leading part.

    ``credits`` are TMDB ``combined_credits`` cast entries. Bit parts, voice cameos, "Self"
    and talk, news and reality shows never count, nor does the film being filled.
    """
    candidates = [c for c in credits if _counts(c, exclude_movie_id)]
    if not candidates:
        return None
    best = max(
        candidates, key=lambda c: (_number(c.get("vote_count")), _number(c.get("popularity")))
    )
    title = best.get("title") if best.get("media_type") == "movie" else best.get("name")
    return str(title) if title else None


def _counts(credit: Mapping[str, Any], exclude_movie_id: int | None) -> bool:
    media = credit.get("media_type")
    if _NOT_A_PART.search(str(credit.get("character") or "")):
        return False
    if media == "movie":
        if credit.get("id") == exclude_movie_id:
            return False
        order = credit.get("order")
        return isinstance(order, int) and order < LEADING_FILM_ORDER
    if media == "tv":
        if UNSEEN_TV_GENRES.intersection(credit.get("genre_ids") or []):
            return False
        return _number(credit.get("episode_count")) >= LEADING_TV_EPISODES
    return False


def _number(value: object) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def official_trailer(videos: Iterable[Mapping[str, Any]]) -> str | None:
    """The official YouTube trailer's watch URL: never a teaser, clip, featurette or fan upload."""
    trailers = [
        v
        for v in videos
        if v.get("site") == "YouTube"
        and v.get("type") == "Trailer"
        and v.get("official")
        and v.get("key")
    ]
    if not trailers:
        return None
    # The oldest official trailer is the main one; later ones are often "final" or foreign cuts.
    chosen = min(
        trailers, key=lambda v: (str(v.get("iso_639_1")) != "en", str(v.get("published_at") or ""))
    )
    return youtube_url(str(chosen["key"]))


def youtube_url(key: str) -> str:
    """The watch page for a YouTube video id."""
    return f"https://www.youtube.com/watch?v={key}"
