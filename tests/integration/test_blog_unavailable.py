"""A real WordPress in maintenance mode (503, Retry-After: 600): said plainly, not waited for.

Waiting 600 s three times would outlast the test's time-out, so this also proves postdesk does
not wait for a blog that asks for minutes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.wordpress.errors import ServerError
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.publishing import publish_and_keep
from tests.services import WordPressSite

pytestmark = pytest.mark.wordpress


@pytest.fixture
def maintenance(wordpress: WordPressSite) -> Iterator[None]:
    """WordPress's own maintenance mode, as during an update."""
    flag = wordpress.root / ".maintenance"
    flag.write_text("<?php $upgrading = time();\n")
    try:
        yield
    finally:
        flag.unlink()


def test_a_blog_in_maintenance_is_unavailable_not_unknown(
    wordpress: WordPressSite, maintenance: None, tmp_path: Path
) -> None:
    shutil.copy(SEED_DRAFT, tmp_path / "seed.postdesk")
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", tmp_path / "1-mile-to-you.jpg")
    draft_file = tmp_path / "seed.postdesk"
    before = draft_file.read_bytes()
    with pytest.raises(ServerError) as caught:
        publish_and_keep(
            load_draft(draft_file), draft_file, wordpress.account(), wordpress.password()
        )
    message = str(caught.value)
    assert "unavailable or overloaded (503)" in message and "try again later" in message
    assert "does not look like" not in message
    assert draft_file.read_bytes() == before
