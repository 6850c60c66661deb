"""The tagline is published where the preview shows it, once, and nothing else is shown.

The blog never shows a category line or a tagline above the title; the preview used to.
"""

import html
import re

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.render.rendering import render
from tests.conftest import EXAMPLES, SEED_DRAFT

TAGLINE = "Some memories are worth running for."
SAINT_MALO = EXAMPLES / "02-les-etoiles-de-saint-malo.postdesk"


def visible_text(markup: str) -> str:
    """What a reader sees: no tags, comments, styles or head."""
    markup = re.sub(r"<(style|script|head)\b.*?</\1>", " ", markup, flags=re.S)
    markup = re.sub(r"<!--.*?-->", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", markup))


@pytest.mark.parametrize("template", ["review", "release-announcement"])
@pytest.mark.parametrize("fmt", ["html", "blocks"])
def test_the_post_carries_the_tagline_once(template: str, fmt: str) -> None:
    body = render(load_draft(SEED_DRAFT), fmt, template=template, draft_file=SEED_DRAFT)  # type: ignore[arg-type]
    assert visible_text(body).count(TAGLINE) == 1


@pytest.mark.parametrize("fmt", ["html", "blocks"])
def test_trailer_tuesday_keeps_the_seed_post_as_it_was_and_leaves_the_tagline_to_the_excerpt(
    fmt: str,
) -> None:
    body = render(load_draft(SEED_DRAFT), fmt, draft_file=SEED_DRAFT)  # type: ignore[arg-type]
    assert TAGLINE not in body


@pytest.mark.parametrize("template", ["trailer-tuesday", "review", "release-announcement"])
def test_the_preview_page_shows_the_tagline_once_labelled_when_the_post_lacks_it(
    template: str,
) -> None:
    page = render(load_draft(SEED_DRAFT), "page", template=template, draft_file=SEED_DRAFT)
    text = " ".join(visible_text(page).split())
    assert text.count(TAGLINE) == 1
    labelled = f"Excerpt, shown in lists and feeds, not in the post: {TAGLINE}" in text
    assert labelled == (template == "trailer-tuesday")


def test_the_page_header_shows_no_category_line_and_labels_the_poster() -> None:
    draft = load_draft(SAINT_MALO)
    page = render(draft, "page", template="release-announcement", draft_file=SAINT_MALO)
    text = " ".join(visible_text(page).split())
    assert " · ".join(draft.post.categories) not in text
    header = page.split('id="postdesk-body"')[0]
    assert draft.film.tagline is not None and draft.film.tagline not in visible_text(header)
    seed_page = render(load_draft(SEED_DRAFT), "page", draft_file=SEED_DRAFT)
    assert "Featured image: your blog’s theme decides where it shows" in visible_text(seed_page)


def test_a_draft_without_tagline_shows_no_excerpt() -> None:
    draft = load_draft(SEED_DRAFT)
    draft.film.tagline = "  "
    page = render(draft, "page", draft_file=SEED_DRAFT)
    assert "Excerpt" not in visible_text(page)
