"""A template that never ends: the window starts, says so in the preview, and closes."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from tests.ui.conftest import WindowFactory, isdeleted, wait_for_preview
from tests.ui.test_window import seed_copy

FOREVER = (
    "{#- postdesk\nname: Forever\ndescription: Never ends.\n-#}\n"
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    "<p>{{ film.title }}</p>"
)
TOO_LONG = "template “forever”: the template took too long"


def home_with_forever(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    (home / "data" / "templates").mkdir(parents=True)
    (home / "data" / "templates" / "forever.html").write_text(FOREVER)
    return home


def test_a_draft_with_a_template_that_never_ends_opens_and_says_so(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    path = seed_copy(tmp_path / "drafts")
    data = json.loads(path.read_text())
    data["post"]["template"] = "forever"
    path.write_text(json.dumps(data))
    window = make_window(path, home=home_with_forever(tmp_path), wait=False)
    assert window.form.film.title.text() == "1 Mile To You"  # the form is there at once
    qtbot.waitUntil(lambda: window.preview is not None, timeout=30_000)
    wait_for_preview(qtbot, window, TOO_LONG, timeout=60)
    window.form.post.template.setCurrentIndex(window.form.post.template.findData("review"))
    wait_for_preview(qtbot, window, "The story", timeout=60)


def test_switching_to_a_template_that_never_ends_and_closing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window(seed_copy(tmp_path / "drafts"), home=home_with_forever(tmp_path))
    chooser = window.form.post.template
    chooser.setCurrentIndex(chooser.findData("forever"))
    shown = wait_for_preview(qtbot, window, TOO_LONG, timeout=60)
    assert "Fix the template or choose another one" in shown
    # Typing goes on while the next render of the runaway template runs.
    window.form.film.tagline.setText("Still typing")
    window.form.film.tagline.textEdited.emit("Still typing")
    assert window.document.draft.film.tagline == "Still typing"
    worker = window.scheduler.process()._worker
    assert worker is not None and worker.process.is_alive()
    window.document._set_modified(False)
    window.close()  # at once, while the worker is still stuck in the loop
    qtbot.waitUntil(lambda: isdeleted(window), timeout=10_000)
    assert not worker.process.is_alive()
