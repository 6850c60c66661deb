"""English phrasing of film facts, so nobody types "and", ordinals or release lines by hand."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence

from postdesk.core.drafts.mentions import mention_key
from postdesk.core.drafts.model import CastMember, Release

#: Venues one goes *in* to ("in theaters"); streaming and VOD one watches *on* ("on VOD").
IN_VENUES = ("theater", "theatre", "cinema", "imax", "select ", "drive-in")
#: Festivals and events one is *at* ("at SXSW"), as whole words; any "… Festival" or "… Fest".
AT_VENUES = re.compile(
    r"\b(sxsw|south by southwest|sundance|tiff|cannes|berlinale|venice|telluride|tribeca"
    r"|fantastic fest|fantasia|locarno|sitges|comic-con|festival|fest|premiere)\b",
    re.IGNORECASE,
)
#: Events English names with "the": "at the Berlinale", "at the Toronto Film Festival".
THE_VENUES = re.compile(r"(\bberlinale|\bfestival|\bpremiere)$", re.IGNORECASE)
PREPOSITIONS = ("in ", "on ", "at ", "from ", "via ")
#: What the venue field suggests, in the spelling the phrases above expect.
COMMON_VENUES = (
    "theaters", "select theaters", "IMAX", "VOD", "digital", "Netflix", "Prime Video",
    "Disney+", "Max", "Apple TV+", "Hulu", "Peacock", "Paramount+", "Shudder", "MUBI",
    "Blu-ray and DVD", "SXSW", "Sundance", "TIFF", "Cannes", "Berlinale", "Venice",
    "Telluride", "Tribeca", "Fantastic Fest",
)  # fmt: skip


def join_names(names: Iterable[str | None], conjunction: str = "and") -> str:
    """Join names as English does: "A", "A and B", "A, B and C" (blank names are left out)."""
    kept = [name.strip() for name in names if name and name.strip()]
    if len(kept) <= 1:
        return "".join(kept)
    return f"{', '.join(kept[:-1])} {conjunction} {kept[-1]}"


def credit(member: CastMember) -> str:
    """An actor with their best-known work: Graham Rogers, “Quantico” (or just the name)."""
    known_for = (member.known_for or "").strip()
    name = member.name.strip()
    return f"{name}, “{known_for}”" if known_for else name


def billed(member: CastMember) -> str:
    """An actor in a list of names, with their best-known work in brackets.

    "Michelle Yeoh (“Crouching Tiger, Hidden Dragon”)": the comma of :func:`credit` would
    blur into the commas between the names of a list, so a list brackets the credit.
    """
    known_for = (member.known_for or "").strip()
    name = member.name.strip()
    return f"{name} (“{known_for}”)" if known_for else name


def billed_names(cast: Iterable[CastMember]) -> str:
    """The cast as one list with every credit: "Michelle Yeoh (“…”), Stephanie Hsu and …"."""
    return join_names(billed(m) for m in cast if m.name.strip())


def credits_by_mention(cast: Sequence[CastMember]) -> dict[str, str]:
    """Each cast member's credit under the key a synopsis mention of them matches."""
    return {mention_key(m.name): credit(m) for m in cast if m.name.strip()}


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 101st."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def ordinal_date(date: dt.date | None, with_year: bool = False) -> str:
    """A date as a blog writes it: "April 7th", or "April 7th, 2017" with the year."""
    if date is None:
        return ""
    text = f"{date.strftime('%B')} {ordinal(date.day)}"
    return f"{text}, {date.year}" if with_year else text


def venue_phrase(where: str) -> str:
    """A venue with the preposition English gives it.

    Festivals and events take "at" ("at SXSW", "at the Berlinale", "at the Austin Film
    Festival"), theaters and cinemas "in" ("in select theaters"), streaming services and the
    rest "on" ("on VOD", "on Netflix"). A venue the blogger already wrote with a preposition
    ("at the Alamo") is kept as typed: that is how a wrong guess is corrected.
    """
    venue = " ".join(where.split())
    lowered = venue.casefold()
    if not venue or lowered.startswith(PREPOSITIONS):
        return venue
    if AT_VENUES.search(venue):
        the = THE_VENUES.search(venue) and not lowered.startswith(("the ", "a ", "an "))
        return f"at the {venue}" if the else f"at {venue}"
    preposition = "in" if any(word in lowered for word in IN_VENUES) else "on"
    return f"{preposition} {venue}"


def release_line(releases: Sequence[Release]) -> str:
    """Where and when, grouped by date.

    "on VOD and in theaters on April 7th"; "in theaters on March 25th and on Netflix on
    April 8th". Releases without a date come last, without one; years are added only when the
    dates span more than one year.
    """
    usable = [r for r in releases if r.where and r.where.strip()]
    if not usable:
        return ""
    dated = sorted((r for r in usable if r.date), key=lambda r: r.date or dt.date.min)
    undated = [r for r in usable if not r.date]
    with_year = len({r.date.year for r in dated if r.date}) > 1
    groups = []
    for date, group in itertools.groupby(dated, key=lambda r: r.date):
        venues = join_names(_unique(venue_phrase(r.where) for r in group))
        groups.append(f"{venues} on {ordinal_date(date, with_year)}")
    if undated:
        groups.append(join_names(_unique(venue_phrase(r.where) for r in undated)))
    return join_names(groups)


def cast_sentence(title: str, cast: Sequence[CastMember], mentioned: Iterable[str]) -> str:
    """The sentence for the cast the synopsis does not credit, with their credits.

    "1 Mile To You also stars Melanie Lynskey, Peter Coyote and Tim Roth." ``mentioned`` holds
    the mention keys of the cast the synopsis already credits; the sentence names the others,
    each with the credit the blogger typed ("Ke Huy Quan (“Indiana Jones and the Temple of
    Doom”)"), so no credit is lost for want of a mention, and says "also" only when the
    synopsis credited someone.
    """
    credited = set(mentioned)
    others = [m for m in cast if m.name.strip() and mention_key(m.name) not in credited]
    if not others or not title.strip():
        return ""
    verb = "also stars" if credited else "stars"
    return f"{title.strip()} {verb} {billed_names(others)}."


def runtime(minutes: int | None) -> str:
    """104 minutes as "1 hr 44 min"."""
    if not minutes:
        return ""
    hours, rest = divmod(minutes, 60)
    parts = [f"{hours} hr" if hours else "", f"{rest} min" if rest else ""]
    return " ".join(p for p in parts if p)


def star_rating(rating: float | None, out_of: int = 5) -> str:
    """A review rating as stars: 3.5 as "★★★½☆"."""
    if rating is None:
        return ""
    halves = round(rating * 2)
    full, half = divmod(halves, 2)
    return "★" * full + "½" * half + "☆" * (out_of - full - half)


def rating_number(rating: float | None, out_of: int = 5) -> str:
    """A review rating as text: "3.5 out of 5", "4 out of 5"."""
    if rating is None:
        return ""
    value = f"{rating:g}" if rating * 2 == round(rating * 2) else f"{rating:.1f}"
    return f"{value} out of {out_of}"


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
