"""The publish record lands in the real draft file, and never over another program's change."""

from __future__ import annotations

from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.results import PublishError
from postdesk.core.publish.steps import PublishStep
from tests.integration.test_publish_wordpress import posts_titled
from tests.publishing import publish_and_keep
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
    result = publish_and_keep(
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
        publish_and_keep(
            draft,
            seed,
            wordpress.account("admin"),
            wordpress.password("admin"),
            progress=other_program_saves,
        )
    assert load_draft(seed).post.title.startswith("Edited, 1 Mile To You")
    assert len(posts_titled(wordpress, draft.post.title)) == 1


def test_the_core_returns_the_publication_and_the_caller_records_it(
    wordpress: WordPressSite, seed: Path
) -> None:
    from postdesk.core.publish.flow import publish_draft
    from postdesk.core.publish.journal import journal_path
    from postdesk.core.publish.records import keep_publication

    before = seed.read_bytes()
    draft = load_draft(seed)
    result = publish_draft(draft, seed, wordpress.account(), wordpress.password())
    assert seed.read_bytes() == before  # the core wrote nothing into the draft
    assert journal_path(seed).exists()  # until the caller saves, the slug is kept
    keep_publication(draft, seed, result)
    recorded = load_draft(seed).publication_for(wordpress.account().name)
    assert recorded == result.publication
    assert not journal_path(seed).exists()


def test_a_record_that_was_never_saved_does_not_make_a_second_post(
    wordpress: WordPressSite, seed: Path
) -> None:
    from postdesk.core.publish.flow import publish_draft

    first = publish_draft(load_draft(seed), seed, wordpress.account(), wordpress.password())
    again = publish_and_keep(load_draft(seed), seed, wordpress.account(), wordpress.password())
    assert again.post_id == first.post_id
    assert len(posts_titled(wordpress, load_draft(seed).post.title)) == 1
