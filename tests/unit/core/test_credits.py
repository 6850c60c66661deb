"""Every credit the blogger typed reaches the post, mentioned in the synopsis or not."""

import html
import re

import pytest

from postdesk.core.drafts.model import CastMember, Draft, Film, Post
from postdesk.core.render.rendering import render

TEMPLATES = ["trailer-tuesday", "release-announcement", "review"]

CAST_SENTENCE = (
    "Everything Everywhere All at Once stars Michelle Yeoh (“Crouching Tiger, Hidden Dragon”),"
    " Ke Huy Quan (“Indiana Jones and the Temple of Doom”), Stephanie Hsu,"
    " Jamie Lee Curtis (“Halloween”), James Hong and Jenny Slate."
)


def eeaao(synopsis: str) -> Draft:
    cast = [
        CastMember("Michelle Yeoh", known_for="Crouching Tiger, Hidden Dragon"),
        CastMember("Ke Huy Quan", known_for="Indiana Jones and the Temple of Doom"),
        CastMember("Stephanie Hsu"),
        CastMember("Jamie Lee Curtis", known_for="Halloween"),
        CastMember("James Hong", known_for=" "),
        CastMember("Jenny Slate"),
    ]
    film = Film(title="Everything Everywhere All at Once", synopsis=synopsis, cast=cast)
    return Draft(film=film, post=Post(title="Trailer Park Tuesday, EEAAO"))


def text_of(output: str) -> str:
    without_comments = re.sub(r"<!--.*?-->", "", output, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without_comments)).split())


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("fmt", ["html", "blocks", "page"])
def test_credits_of_actors_the_synopsis_does_not_mention_are_in_the_cast_sentence(
    template: str, fmt: str
) -> None:
    draft = eeaao("An exhausted laundromat owner finds herself in a multiverse.")
    text = text_of(render(draft, fmt, template=template))  # type: ignore[arg-type]
    assert "in a multiverse. " + CAST_SENTENCE in text


@pytest.mark.parametrize("template", TEMPLATES)
def test_a_mentioned_actor_keeps_the_inline_credit_and_leaves_the_sentence(
    template: str,
) -> None:
    draft = eeaao("A laundromat owner (@[Michelle Yeoh]) and her husband (@[Ke Huy Quan]).")
    text = text_of(render(draft, "html", template=template))
    assert "owner (Michelle Yeoh, “Crouching Tiger, Hidden Dragon”) and" in text
    assert "husband (Ke Huy Quan, “Indiana Jones and the Temple of Doom”)." in text
    assert (
        "Everything Everywhere All at Once also stars Stephanie Hsu,"
        " Jamie Lee Curtis (“Halloween”), James Hong and Jenny Slate." in text
    )


def test_without_a_synopsis_the_cast_sentence_still_carries_the_credits() -> None:
    for template in TEMPLATES:
        text = text_of(render(eeaao(""), "html", template=template))
        assert CAST_SENTENCE in text, template


@pytest.mark.parametrize("fmt", ["html", "blocks", "page"])
def test_the_at_a_glance_list_shows_every_credit(fmt: str) -> None:
    draft = eeaao("A laundromat owner (@[Michelle Yeoh]).")
    text = text_of(render(draft, fmt, template="release-announcement"))  # type: ignore[arg-type]
    assert (
        "Starring: Michelle Yeoh (“Crouching Tiger, Hidden Dragon”),"
        " Ke Huy Quan (“Indiana Jones and the Temple of Doom”), Stephanie Hsu,"
        " Jamie Lee Curtis (“Halloween”), James Hong and Jenny Slate" in text
    )
