"""A draft with a value no form makes is refused at opening, naming the field, never a crash."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.conftest import SEED_DRAFT
from tests.ui.conftest import Dialogs, WindowFactory


def test_a_lone_surrogate_is_named_when_the_draft_is_opened(
    qtbot: QtBot, make_window: WindowFactory, dialogs: Dialogs, tmp_path: Path
) -> None:
    data = json.loads(SEED_DRAFT.read_text(encoding="utf-8"))
    data["post"]["note"] = "Watch it\ud800"
    path = tmp_path / "broken.postdesk"
    path.write_text(json.dumps(data), encoding="utf-8")
    window = make_window()
    window.files.open_path(path)
    said = "\n".join(dialogs.warnings)
    assert "cannot be opened" in said and "post.note: has a broken character" in said
    assert window.document.path != path
