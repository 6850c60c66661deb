"""The filters film templates use, so nobody types "and", ordinals or credits by hand."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import jinja2
from markupsafe import Markup

from postdesk.core.drafts.model import CastMember, Release
from postdesk.core.render import phrasing
from postdesk.core.render.markdown import render_markdown


@jinja2.pass_context
def markdown_filter(context: jinja2.runtime.Context, source: str | None, tail: str = "") -> Markup:
    """``{{ film.synopsis | markdown(tail=cast_sentence) }}``: safe HTML, mentions as credits."""
    credits: Mapping[str, str] = context.get("credits", {})
    # render_markdown sanitises its output, so marking it safe cannot let markup through.
    return Markup(render_markdown(source, credits=credits, tail=tail or None))


def names_filter(names: Iterable[Any] | None) -> str:
    """``{{ film.directors | names }}``: "Melanie Lynskey, Peter Coyote and Tim Roth"."""
    items = [n.name if isinstance(n, CastMember) else n for n in names or ()]
    return phrasing.join_names(str(n) for n in items if n)


def credit_filter(member: CastMember | None) -> str:
    """``{{ member | credit }}``: Graham Rogers, “Quantico”."""
    return phrasing.credit(member) if member else ""


def billed_filter(cast: Iterable[CastMember] | None) -> str:
    """``{{ film.cast | billed }}``: "Michelle Yeoh (“Crouching Tiger, Hidden Dragon”) and …"."""
    return phrasing.billed_names(cast or ())


def ordinal_date_filter(date: dt.date | None, with_year: bool = False) -> str:
    """``{{ release.date | ordinal_date }}``: April 7th."""
    return phrasing.ordinal_date(date, with_year)


def release_line_filter(releases: Sequence[Release] | None) -> str:
    """``{{ film.releases | release_line }}``: on VOD and in theaters on April 7th."""
    return phrasing.release_line(releases or [])


def install_helpers(environment: jinja2.Environment) -> None:
    """Make the helpers available to every template."""
    environment.filters.update(
        markdown=markdown_filter,
        names=names_filter,
        credit=credit_filter,
        billed=billed_filter,
        ordinal_date=ordinal_date_filter,
        release_line=release_line_filter,
        venue=phrasing.venue_phrase,
        runtime=phrasing.runtime,
        stars=phrasing.star_rating,
        rating_text=phrasing.rating_number,
    )
