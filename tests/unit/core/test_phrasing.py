import datetime as dt

import pytest

from postdesk.core.drafts.model import CastMember, Release
from postdesk.core.render.phrasing import (
    COMMON_VENUES,
    billed_names,
    cast_sentence,
    credit,
    join_names,
    ordinal,
    ordinal_date,
    release_line,
    runtime,
    star_rating,
    venue_phrase,
)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ([], ""),
        (["Tim Roth"], "Tim Roth"),
        (["Peter Coyote", "Tim Roth"], "Peter Coyote and Tim Roth"),
        (
            ["Melanie Lynskey", "Peter Coyote", "Tim Roth"],
            "Melanie Lynskey, Peter Coyote and Tim Roth",
        ),
        (["A", "B", "C", "D"], "A, B, C and D"),
        (["", "  ", None, "Tim Roth", ""], "Tim Roth"),
        ([" Zoë Dubois ", "José Núñez"], "Zoë Dubois and José Núñez"),
    ],
)
def test_join_names_reads_as_english(names: list[str | None], expected: str) -> None:
    assert join_names(names) == expected


def test_credit_quotes_the_best_known_work() -> None:
    assert credit(CastMember("Graham Rogers", known_for="Quantico")) == "Graham Rogers, “Quantico”"
    assert credit(CastMember("Tim Roth")) == "Tim Roth"
    assert credit(CastMember("Tim Roth", known_for="  ")) == "Tim Roth"


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (7, "7th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (23, "23rd"),
        (30, "30th"),
        (31, "31st"),
        (101, "101st"),
        (111, "111th"),
        (112, "112th"),
    ],
)
def test_ordinals(number: int, expected: str) -> None:
    assert ordinal(number) == expected


def test_ordinal_dates() -> None:
    assert ordinal_date(dt.date(2017, 4, 7)) == "April 7th"
    assert ordinal_date(dt.date(2016, 3, 1)) == "March 1st"
    assert ordinal_date(dt.date(2016, 12, 22), with_year=True) == "December 22nd, 2016"
    assert ordinal_date(None) == ""


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("VOD", "on VOD"),
        ("theaters", "in theaters"),
        ("Netflix", "on Netflix"),
        ("select theaters", "in select theaters"),
        ("IMAX", "in IMAX"),
        ("cinemas", "in cinemas"),
        ("Blu-ray and DVD", "on Blu-ray and DVD"),
        ("at the Toronto festival", "at the Toronto festival"),
        ("SXSW", "at SXSW"),
        ("Sundance", "at Sundance"),
        ("TIFF", "at TIFF"),
        ("Cannes", "at Cannes"),
        ("Berlinale", "at the Berlinale"),
        ("Venice", "at Venice"),
        ("Telluride", "at Telluride"),
        ("Tribeca", "at Tribeca"),
        ("Fantastic Fest", "at Fantastic Fest"),
        ("Austin Film Festival", "at the Austin Film Festival"),
        ("the Toronto International Film Festival", "at the Toronto International Film Festival"),
        ("a film festival near you", "at a film festival near you"),
        ("Tiffany's drive-in", "in Tiffany's drive-in"),
        ("Prime Video", "on Prime Video"),
        ("at the Alamo", "at the Alamo"),
        ("in  my   living room", "in my living room"),
    ],
)
def test_venue_prepositions(where: str, expected: str) -> None:
    assert venue_phrase(where) == expected


def _release(date: str | None, where: str) -> Release:
    return Release(where=where, date=dt.date.fromisoformat(date) if date else None)


def test_release_line_groups_venues_on_one_date() -> None:
    releases = [_release("2017-04-07", "VOD"), _release("2017-04-07", "theaters")]
    assert release_line(releases) == "on VOD and in theaters on April 7th"


def test_release_line_orders_several_dates() -> None:
    releases = [_release("2016-04-08", "Netflix"), _release("2016-03-25", "theaters")]
    assert release_line(releases) == "in theaters on March 25th and on Netflix on April 8th"


def test_release_line_with_three_dates_and_an_undated_venue() -> None:
    releases = [
        _release("2026-03-01", "theaters"),
        _release(None, "Blu-ray"),
        _release("2026-04-01", "VOD"),
        _release("2026-05-01", "Netflix"),
    ]
    assert release_line(releases) == (
        "in theaters on March 1st, on VOD on April 1st, on Netflix on May 1st and on Blu-ray"
    )


def test_release_line_adds_years_only_across_years() -> None:
    releases = [_release("2026-12-04", "select theaters"), _release("2027-01-15", "VOD")]
    assert release_line(releases) == (
        "in select theaters on December 4th, 2026 and on VOD on January 15th, 2027"
    )


def test_a_festival_premiere_reads_as_english() -> None:
    releases = [_release("2026-03-11", "SXSW"), _release("2026-04-03", "theaters")]
    assert release_line(releases) == "at SXSW on March 11th and in theaters on April 3rd"


def test_every_suggested_venue_has_its_phrase() -> None:
    phrases = {venue: venue_phrase(venue) for venue in COMMON_VENUES}
    assert phrases["VOD"] == "on VOD" and phrases["select theaters"] == "in select theaters"
    assert phrases["Fantastic Fest"] == "at Fantastic Fest"
    assert all(p.split()[0] in {"in", "on", "at"} for p in phrases.values())


def test_release_line_leaves_out_blank_venues_and_repeats() -> None:
    assert release_line([]) == ""
    assert release_line([_release("2017-04-07", " ")]) == ""
    twice = [_release("2017-04-07", "VOD"), _release("2017-04-07", "VOD")]
    assert release_line(twice) == "on VOD on April 7th"


def test_cast_sentence_names_who_the_synopsis_did_not_credit() -> None:
    cast = [CastMember("Graham Rogers"), CastMember("Melanie Lynskey"), CastMember("Tim Roth")]
    sentence = cast_sentence("1 Mile To You", cast, ["graham rogers"])
    assert sentence == "1 Mile To You also stars Melanie Lynskey and Tim Roth."
    assert cast_sentence("1 Mile To You", cast, []) == (
        "1 Mile To You stars Graham Rogers, Melanie Lynskey and Tim Roth."
    )
    credited = ["graham rogers", "melanie lynskey", "tim roth"]
    assert cast_sentence("1 Mile To You", cast, credited) == ""
    assert cast_sentence("1 Mile To You", [], []) == ""


def test_runtime_and_stars() -> None:
    assert runtime(104) == "1 hr 44 min"
    assert runtime(60) == "1 hr"
    assert runtime(45) == "45 min"
    assert runtime(None) == ""
    assert star_rating(4.5) == "★★★★½"
    assert star_rating(3) == "★★★☆☆"
    assert star_rating(0) == "☆☆☆☆☆"
    assert star_rating(None) == ""


def test_the_cast_sentence_brackets_the_credits_it_carries() -> None:
    cast = [
        CastMember("Graham Rogers", known_for="Quantico"),
        CastMember("Michelle Yeoh", known_for="Crouching Tiger, Hidden Dragon"),
        CastMember("Stephanie Hsu", known_for=""),
        CastMember("James Hong"),
    ]
    assert cast_sentence("EEAAO", cast, ["graham rogers"]) == (
        "EEAAO also stars Michelle Yeoh (“Crouching Tiger, Hidden Dragon”), Stephanie Hsu"
        " and James Hong."
    )
    assert billed_names(cast[:2]) == (
        "Graham Rogers (“Quantico”) and Michelle Yeoh (“Crouching Tiger, Hidden Dragon”)"
    )
