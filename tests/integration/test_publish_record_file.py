"""The publish record lands in the real draft file, and never over another program's change."""

from __future__ import annotations

from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.flow import PublishError, publish_draft
from postdesk.core.publish.steps import PublishStep
from tests.integration.test_publish_wordpress import posts_titled
from tests.services import WordPressSite

pytestmark = pytest.mark.wordpress


def test_publishing_through_a_link_records_in_the_linked_draft(
    wordpress: WordPressSite,
    seed: Path,
    tmp_path: Path,
) -> None:
    desk = tmp_path / "desk"
    desk.mkdir()
    link = desk / "this-week.postdesk"
    link.symlink_to(seed)
    result = publish_draft(
        load_draft(link), link, wordpress.account("admin"), wordpress.password("admin")
    )
    assert link.is_symlink() and link.resolve() == seed.resolve()
    recorded = load_draft(seed).publication_for(wordpress.account("admin").name)
    assert recorded is not None and recorded.post_id == result.post_id


def test_a_draft_changed_during_publishing_is_not_overwritten_by_the_record(
    wordpress: WordPressSite,
    seed: Path,
) -> None:
    draft = load_draft(seed)

    def other_program_saves(step: PublishStep) -> None:
        if step is PublishStep.RECORDING:
            seed.write_text(seed.read_text().replace("Trailer Park Tuesday,", "Edited,", 1))

    with pytest.raises(PublishError, match=r"is on the blog .*was changed by another program"):
        publish_draft(
            draft,
            seed,
            wordpress.account("admin"),
            wordpress.password("admin"),
            progress=other_program_saves,
        )
    assert load_draft(seed).post.title.startswith("Edited, 1 Mile To You")
    assert len(posts_titled(wordpress, draft.post.title)) == 1
