from postdesk.core.drafts.files import load_draft
from postdesk.core.drafts.model import new_draft
from postdesk.core.drafts.progress import to_fill_next
from tests.conftest import SEED_DRAFT


def test_a_new_draft_is_told_what_to_fill_first() -> None:
    draft = new_draft()
    assert to_fill_next(draft)[:3] == [
        "Title (Film tab)",
        "Synopsis (Film tab)",
        "Cast (Cast & credits tab)",
    ]
    draft.film.title = "Heat"
    assert to_fill_next(draft)[0] == "Synopsis (Film tab)"


def test_a_draft_with_substance_gets_no_hint() -> None:
    assert to_fill_next(load_draft(SEED_DRAFT)) == []
    draft = new_draft()
    draft.film.title, draft.film.synopsis, draft.post.note = "Heat", "A heist.", "Love it."
    assert to_fill_next(draft) == []
