"""What the publishing tests share: the seed draft, ready to publish."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft, save_draft
from tests.conftest import EXAMPLES, SEED_DRAFT


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    """A copy of the seed draft and its poster, with a title no other test uses."""
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", tmp_path / "1-mile-to-you.jpg")
    path = tmp_path / "seed.postdesk"
    draft = load_draft(SEED_DRAFT)
    draft.post.title = f"Trailer Park Tuesday, 1 Mile To You {uuid.uuid4().hex[:6]}"
    save_draft(draft, path)
    return path
