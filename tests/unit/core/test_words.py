from postdesk.core.drafts.files import load_draft
from postdesk.core.render.rendering import render
from postdesk.core.render.words import count_words, length_label, reading_minutes
from tests.conftest import SEED_DRAFT


def test_words_are_counted_as_a_reader_sees_them() -> None:
    body = "<p>It’s a <em>well-made</em> film &amp; more.</p><script>var x = 1;</script>"
    assert count_words(body) == 5
    assert count_words("") == 0


def test_the_preview_trailer_placeholder_is_not_counted() -> None:
    draft = load_draft(SEED_DRAFT)
    online = render(draft, "html", draft_file=SEED_DRAFT)
    offline = render(draft, "html", draft_file=SEED_DRAFT, offline=True)
    assert count_words(offline) == count_words(online) == 224


def test_reading_time() -> None:
    assert reading_minutes(0) == 0
    assert reading_minutes(1) == 1
    assert reading_minutes(230) == 1
    assert reading_minutes(231) == 2
    assert length_label(243) == "243 words · 2 min read"
    assert length_label(1) == "1 word · 1 min read"
    assert length_label(0) == "No words yet"
