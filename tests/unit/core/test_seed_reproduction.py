"""The seed post, a real "Trailer Park Tuesday", comes out of the example draft word for word."""

import html
import re

from postdesk.core.drafts.files import load_draft
from postdesk.core.render.rendering import render
from tests.conftest import SEED_DRAFT, SEED_POST


def seed_paragraphs() -> list[str]:
    text = SEED_POST.read_text(encoding="utf-8")
    post = text.split("\n  1. ")[0]  # the readers' comments start the numbered list
    return [p.strip() for p in re.split(r"\n\s*\n", post) if p.strip()]


def text_paragraphs(body: str) -> list[str]:
    body = re.sub(r"<br\s*/?>", "\n", body)
    body = re.sub(r"</p>", "\n\n", body)
    text = html.unescape(re.sub(r"<[^>]+>", "", body))
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_trailer_tuesday_reproduces_the_seed_post() -> None:
    draft = load_draft(SEED_DRAFT)
    body = render(draft, "html", draft_file=SEED_DRAFT)
    assert [draft.post.title, *text_paragraphs(body)] == seed_paragraphs()


def test_the_seed_has_its_four_inline_credits_and_the_cast_sentence() -> None:
    body = render(load_draft(SEED_DRAFT), "html", draft_file=SEED_DRAFT)
    for credit in [
        "a teenager (Graham Rogers, “Quantico”) loses",
        "girlfriend (Stefanie Scott, “Jem and the Holograms”) in",
        "new coach (Billy Crudup, “20th Century Women”).",
        "new girl (Liana Liberato, “If I Stay”) who",
    ]:
        assert credit in body
    assert "1 Mile To You also stars Melanie Lynskey, Peter Coyote and Tim Roth.</p>" in body
    assert "<p>Directed by Leif Tilden.<br>See it on VOD and in theaters on April 7th!</p>" in body


def test_the_seed_blocks_carry_the_same_words() -> None:
    draft = load_draft(SEED_DRAFT)
    blocks = render(draft, "blocks", draft_file=SEED_DRAFT)
    without_comments = re.sub(r"<!--.*?-->", "", blocks, flags=re.S)
    paragraphs = text_paragraphs(without_comments)
    trailer_url = paragraphs.pop(0)  # the embed block's URL line
    assert trailer_url == "https://www.youtube.com/watch?v=1MileToYou0"
    assert [draft.post.title, *paragraphs] == seed_paragraphs()
