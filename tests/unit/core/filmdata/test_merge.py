"""A fill never goes over what the blogger wrote: it fills gaps and offers the rest."""

from __future__ import annotations

import copy

from postdesk.core.drafts.model import CastMember, Film
from postdesk.core.filmdata.merge import apply_differences, merge_film

FOUND = Film(
    title="Les Étoiles du Nord",
    year=2024,
    synopsis="Two sisters sail north.",
    rating="PG-13",
    cast=[
        CastMember("Zoë Łukasiewicz", "Margaux", "Quantico"),
        CastMember("Søren Ødegård", "Le facteur", None),
        CastMember("Amélie Kerouac", "Inès", "La Rivière"),
    ],
    directors=["Céline Marchetti", "Bjørn Åberg"],
)


def test_empty_draft_takes_everything() -> None:
    merge = merge_film(Film(title=""), FOUND)
    assert merge.film == FOUND
    assert merge.differences == []


def test_only_empty_fields_are_filled_and_the_rest_offered() -> None:
    mine = Film(title="Etoiles (my title)", synopsis="My own words.", extra={"mood": "blue"})
    before = copy.deepcopy(mine)
    merge = merge_film(mine, FOUND)
    assert mine == before  # the draft itself is untouched
    assert merge.film.title == "Etoiles (my title)"
    assert merge.film.synopsis == "My own words."
    assert merge.film.rating == "PG-13" and merge.film.year == 2024
    assert merge.film.extra == {"mood": "blue"}
    assert [(d.field, d.current, d.found) for d in merge.differences] == [
        ("title", "Etoiles (my title)", "Les Étoiles du Nord"),
        ("synopsis", "My own words.", "Two sisters sail north."),
    ]
    chosen = apply_differences(merge.film, merge.differences[1:])
    assert chosen.synopsis == "Two sisters sail north." and chosen.title == "Etoiles (my title)"


def test_cast_merged_by_name_keeping_the_bloggers_credits_and_order() -> None:
    mine = Film(
        title="x",
        cast=[
            CastMember("amélie kerouac", None, "My favourite film"),
            CastMember("Zoë Łukasiewicz", "Margot", None),
        ],
    )
    merge = merge_film(mine, FOUND)
    assert [(m.name, m.character, m.known_for) for m in merge.film.cast] == [
        ("amélie kerouac", "Inès", "My favourite film"),
        ("Zoë Łukasiewicz", "Margot", "Quantico"),
        ("Søren Ødegård", "Le facteur", None),
    ]


def test_replace_takes_the_source_but_keeps_what_it_does_not_know() -> None:
    mine = Film(title="Mine", tagline="My tagline", synopsis="Mine.")
    merge = merge_film(mine, FOUND, replace=True)
    assert merge.film.title == "Les Étoiles du Nord"
    assert merge.film.synopsis == "Two sisters sail north."
    assert merge.film.tagline == "My tagline"
    assert merge.differences == []
