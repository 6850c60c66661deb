import copy
import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.drafts.model import CastMember, Draft, Film, Post, Release
from postdesk.core.render.rendering import RenderError, render
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.html_safety import unsafe_parts

TEMPLATES = ["trailer-tuesday", "release-announcement", "review"]
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.postdesk"))


def bare_draft() -> Draft:
    return Draft(film=Film(title="Heat"), post=Post(title="Heat"))


TRACES = [
    "None",
    "()",
    "( )",
    "“”",
    '""',
    "Directed by .",
    "also stars .",
    "stars .",
    " ,",
    "See it !",
    "<p></p>",
    "<li></li>",
    ">: <",
    "undefined",
    "[]",
]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("fmt", ["html", "blocks", "page"])
def test_missing_fields_leave_no_trace(template: str, fmt: str) -> None:
    out = render(bare_draft(), fmt, template=template)  # type: ignore[arg-type]
    body = out.split('<div class="entry-content"', 1)[-1]
    for trace in TRACES:
        assert trace not in body, f"{trace!r} in {template}/{fmt}"
    assert "also stars" not in body and "Directed by" not in body and "See it" not in body


@pytest.mark.parametrize("template", TEMPLATES)
def test_half_filled_drafts_leave_no_trace(template: str) -> None:
    draft = bare_draft()
    draft.film.cast = [CastMember("Al Pacino", known_for=""), CastMember("  ")]
    draft.film.releases = [Release(where="theaters")]
    draft.film.directors = ["", "Michael Mann"]
    draft.post.review_rating = 0
    html = render(draft, "html", template=template)
    for trace in TRACES:
        assert trace not in html, f"{trace!r} in {template}"
    assert "Michael Mann" in html and "Al Pacino" in html


HOSTILE = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(document.cookie)",
    "<iframe src=//evil.example></iframe>",
    "{{ 7*7 }}{% raw %}",
    "@[<script>alert(1)</script>]",
]


def _text_fields(draft: Draft) -> list[Callable[[Draft, str], None]]:
    def film(name: str) -> Callable[[Draft, str], None]:
        return lambda d, v: setattr(d.film, name, v)

    def post(name: str) -> Callable[[Draft, str], None]:
        return lambda d, v: setattr(d.post, name, v)

    setters = [film(f) for f in ("title", "tagline", "synopsis", "rating", "trailer_url", "poster")]
    setters += [post(f) for f in ("title", "note", "question")]
    setters += [
        lambda d, v: setattr(d.film.cast[0], "name", v),
        lambda d, v: setattr(d.film.cast[0], "known_for", v),
        lambda d, v: setattr(d.film.cast[0], "character", v),
        lambda d, v: d.film.directors.__setitem__(0, v),
        lambda d, v: d.film.writers.append(v),
        lambda d, v: d.film.genres.append(v),
        lambda d, v: setattr(d.film.releases[0], "where", v),
        lambda d, v: d.post.categories.append(v),
        lambda d, v: d.post.tags.append(v),
    ]
    return setters


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_text_in_every_field_comes_out_as_text(template: str, payload: str) -> None:
    seed = load_draft(SEED_DRAFT)
    for index, setter in enumerate(_text_fields(seed)):
        draft = copy.deepcopy(seed)
        setter(draft, payload)
        for fmt in ("html", "blocks", "page"):
            out = render(draft, fmt, template=template, draft_file=SEED_DRAFT)  # type: ignore[arg-type]
            findings = unsafe_parts(out, allowed_tags={"iframe", "script", "style", "meta"})
            assert findings == [], f"field #{index} in {fmt}: {findings}"
            assert "<script>alert" not in out and "<iframe src=//evil" not in out
            if fmt == "page":
                assert out.count("<script") == 1  # only the JSON-LD
                assert out.count("<iframe") <= 1  # only the real trailer


def test_field_text_is_never_template_source() -> None:
    draft = load_draft(SEED_DRAFT)
    draft.post.question = "{{ 7*7 }} {% include '/etc/passwd' %}"
    html = render(draft, "html")
    assert "<p>{{ 7*7 }} {% include &#39;/etc/passwd&#39; %}</p>" in html


def test_only_the_real_trailer_is_embedded() -> None:
    draft = load_draft(SEED_DRAFT)
    draft.film.trailer_url = "javascript:alert(1)"
    html = render(draft, "html")
    assert "<iframe" not in html and "javascript" not in html and "Watch the trailer" not in html
    draft.film.trailer_url = "https://example.com/trailer"
    assert '<p class="trailer-link"><a href="https://example.com/trailer">' in render(draft, "html")


def test_offline_rendering_loads_nothing_from_the_network() -> None:
    draft = load_draft(SEED_DRAFT)
    page = render(draft, "page", draft_file=SEED_DRAFT, offline=True)
    assert "Content-Security-Policy" in page
    assert "<iframe" not in page
    assert 'class="trailer-placeholder"' in page
    assert 'href="https://www.youtube.com/watch?v=1MileToYou0"' in page
    poster = SEED_DRAFT.with_name("1-mile-to-you.jpg").resolve().as_uri()
    assert f'<img src="{poster}"' in page
    for url in re.findall(r'(?:src)="([^"]+)"', page):
        assert url.startswith(("file:", "data:")), url


def test_the_exported_page_is_standalone() -> None:
    draft = load_draft(SEED_DRAFT)
    page = render(draft, "page", draft_file=SEED_DRAFT)
    assert page.startswith("<!DOCTYPE html>")
    assert '<meta charset="utf-8">' in page
    assert "<title>Trailer Park Tuesday, 1 Mile To You</title>" in page
    assert '<meta property="og:title" content="Trailer Park Tuesday, 1 Mile To You">' in page
    assert '<meta property="og:description" content="When a teenager (Graham Rogers' in page
    assert '<img src="data:image/jpeg;base64,' in page
    assert "<style>" in page and ".entry-content" in page
    ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    assert ld["@type"] == "Movie" and ld["name"] == "1 Mile To You"
    assert ld["director"] == [{"@type": "Person", "name": "Leif Tilden"}]
    assert [a["name"] for a in ld["actor"]][:2] == ["Graham Rogers", "Stefanie Scott"]
    assert ld["datePublished"] == "2017-04-07" and ld["duration"] == "PT1H44M"


def test_json_ld_cannot_close_its_script() -> None:
    draft = load_draft(SEED_DRAFT)
    draft.film.title = "</script><script>alert(1)</script>"
    page = render(draft, "page")
    ld_text = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    assert json.loads(ld_text)["name"] == "</script><script>alert(1)</script>"
    assert page.count("<script") == 1


def test_a_page_without_a_poster_file_still_renders(tmp_path: Path) -> None:
    draft = load_draft(SEED_DRAFT)
    draft.film.poster = "missing.jpg"
    page = render(draft, "page", draft_file=tmp_path / "d.postdesk")
    assert 'class="post-poster"' not in page and "<h1" in page


def test_a_published_poster_url_is_used_on_the_page_and_in_open_graph() -> None:
    draft = load_draft(SEED_DRAFT)
    page = render(draft, "page", poster_url="https://blog.example/poster.jpg")
    assert '<meta property="og:image" content="https://blog.example/poster.jpg">' in page


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.name)
@pytest.mark.parametrize("template", TEMPLATES)
def test_every_example_renders_in_every_template(example: Path, template: str) -> None:
    draft = load_draft(example)
    for fmt in ("html", "blocks", "page"):
        assert draft.film.title.split()[0] in render(
            draft, fmt, template=template, draft_file=example
        )  # type: ignore[arg-type]


def test_the_template_override_and_unknown_names() -> None:
    draft = load_draft(SEED_DRAFT)
    assert "<h2>The story</h2>" in render(draft, "html", template="review")
    with pytest.raises(RenderError, match="there is no template named “nope”"):
        render(draft, "html", template="nope")
    with pytest.raises(ValueError, match="unknown output format"):
        render(draft, "pdf")  # type: ignore[arg-type]


def test_the_review_shows_the_rating() -> None:
    draft = load_draft(EXAMPLES / "03-the-lighthouse-keepers-daughter.postdesk")
    html = render(draft, "html")
    assert "My rating: ★★★★½</strong> (4.5 out of 5)" in html
    assert (
        "See it at the Toronto International Film Festival on September 12th, 2026, in select "
        "theaters on December 4th, 2026 and on VOD on January 15th, 2027." in html
    )


def test_release_announcement_for_two_directors_and_several_dates() -> None:
    draft = load_draft(EXAMPLES / "02-les-etoiles-de-saint-malo.postdesk")
    html = render(draft, "html")
    assert "comes out in theaters on March 25th and on Netflix on April 8th." in html
    assert "<li><strong>Directed by:</strong> Léa Müller and Søren Ødegård</li>" in html
    assert "Zoë Dubois, “Les Nuits d’été”" in html
    assert "<iframe" not in html  # this film has no trailer


def test_dates_are_shown_the_blog_way() -> None:
    draft = bare_draft()
    draft.film.releases = [Release(where="theaters", date=dt.date(2026, 3, 1))]
    assert "See it in theaters on March 1st!" in render(draft, "html")


def test_render_does_not_change_the_draft() -> None:
    draft = load_draft(SEED_DRAFT)
    before = dataclasses.asdict(draft)
    render(draft, "page", draft_file=SEED_DRAFT)
    assert dataclasses.asdict(draft) == before
