"""A long sitting in the real window: thousands of keystrokes, undos and redos, a huge cast.

Each of these once aborted the whole process ("Fatal Python error: none_dealloc"): the test
passing at all means the window survived; the assertions check the draft came through whole.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from postdesk.core.drafts.files import load_draft
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.ui.conftest import WindowFactory, wait_for_preview

TYPED = "Some memories are worth running for, every single mile of them. " * 40  # 2,640 keys


def _seed_copy(folder: Path, cast_size: int | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", folder / "1-mile-to-you.jpg")
    data = json.loads(SEED_DRAFT.read_text(encoding="utf-8"))
    if cast_size is not None:
        data["film"]["cast"] = [
            {"name": f"Actor Number {i}", "character": f"Role {i}", "known_for": f"Film {i}"}
            for i in range(cast_size)
        ]
    path = folder / "soak.postdesk"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_thousands_of_keystrokes_undos_and_redos(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = _seed_copy(tmp_path / "drafts")
    window = make_window(path)
    tagline = window.form.film.tagline
    tagline.clear()
    qtbot.keyClicks(tagline, TYPED)
    cast = window.form.credits.cast
    for i in range(1_000):  # edits in the cast table, each one an undo step
        cast.model.setData(cast.model.index(0, 1), f"Kevin {i}")
    for _ in range(300):
        window.undo_action.trigger()
        window.redo_action.trigger()
    assert window.form.film.tagline.text() == TYPED
    assert window.files.save()
    saved = load_draft(path)
    assert saved.film.tagline == TYPED.strip()
    assert saved.film.cast[0].character == "Kevin 999"
    assert [m.name for m in saved.film.cast][-1] == "Tim Roth"
    wait_for_preview(qtbot, window, "every single mile of them")


def test_a_five_thousand_actor_cast_opens_edits_and_saves(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = _seed_copy(tmp_path / "drafts", cast_size=5_000)
    window = make_window(path)
    cast = window.form.credits.cast
    assert cast.model.rowCount() == 5_000
    cast.model.setData(cast.model.index(4_999, 2), "Yellowstone")
    cast.table.setCurrentIndex(cast.model.index(4_999, 0))
    cast.up_button.click()
    assert window.files.save()
    saved = load_draft(path)
    assert len(saved.film.cast) == 5_000
    assert saved.film.cast[4_998].name == "Actor Number 4999"
    assert saved.film.cast[4_998].known_for == "Yellowstone"
    wait_for_preview(qtbot, window, "Actor Number 4999")


def test_the_window_self_test_passes_on_a_five_thousand_actor_cast(tmp_path: Path) -> None:
    path = _seed_copy(tmp_path / "drafts", cast_size=5_000)
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "postdesk", "--self-test", str(path)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "self-test passed" in done.stdout
    assert path.read_bytes() == before
