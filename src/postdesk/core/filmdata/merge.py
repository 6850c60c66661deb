"""Putting found facts into a draft without ever going over what the blogger wrote."""

from __future__ import annotations

import copy
from dataclasses import dataclass, fields
from typing import Any

from postdesk.core.drafts.model import CastMember, Film

#: The film fields a fill may set, in the order the form shows them.
FILLED_FIELDS = (
    "title",
    "year",
    "tagline",
    "synopsis",
    "genres",
    "runtime_minutes",
    "rating",
    "cast",
    "directors",
    "writers",
    "releases",
    "trailer_url",
    "poster",
)


@dataclass(frozen=True)
class Difference:
    """A field the blogger filled in differently from the source: offered, never forced."""

    field: str
    current: Any
    found: Any


@dataclass
class Merge:
    """The draft's film after a fill, and what was left as it was because the blogger wrote it."""

    film: Film
    differences: list[Difference]


def _is_empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def merge_film(current: Film, found: Film, replace: bool = False) -> Merge:
    """A new ``Film``: empty fields filled; the rest kept and listed as differences.

    ``current`` is never modified, so a failed or cancelled fill changes nothing. With
    ``replace``, every field the source knows is taken from it. Fields the source does not
    know (and the unknown ``extra`` ones) are always kept.
    """
    merged = copy.deepcopy(current)
    differences: list[Difference] = []
    for name in FILLED_FIELDS:
        mine, theirs = getattr(current, name), copy.deepcopy(getattr(found, name))
        if _is_empty(theirs) or mine == theirs:
            continue
        if replace or _is_empty(mine):
            setattr(merged, name, theirs)
        elif name == "cast":
            merged.cast = merge_cast(current.cast, found.cast)
            if merged.cast != current.cast:
                differences.append(Difference(name, mine, theirs))
        else:
            differences.append(Difference(name, mine, theirs))
    return Merge(merged, differences)


def merge_cast(mine: list[CastMember], theirs: list[CastMember]) -> list[CastMember]:
    """The blogger's cast, in their order with their words; gaps filled from the source by name.

    Actors the source has and the blogger does not are added after theirs, in billing order.
    """
    by_name = {m.name.casefold(): m for m in theirs}
    merged: list[CastMember] = []
    for member in mine:
        found = by_name.pop(member.name.strip().casefold(), None)
        member = copy.deepcopy(member)
        if found is not None:
            member.character = member.character or found.character
            member.known_for = member.known_for or found.known_for
        merged.append(member)
    merged.extend(copy.deepcopy(m) for m in theirs if m.name.casefold() in by_name)
    return merged


def apply_differences(film: Film, differences: list[Difference]) -> Film:
    """A copy of ``film`` with the found value of each chosen difference (the review's ticks)."""
    chosen = copy.deepcopy(film)
    known = {f.name for f in fields(Film)}
    for difference in differences:
        if difference.field in known:
            setattr(chosen, difference.field, copy.deepcopy(difference.found))
    return chosen
