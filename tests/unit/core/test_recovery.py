"""Recovery copies: offered back only when the editor that wrote them is gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from postdesk.core.drafts.model import Draft, Film, Post
from postdesk.core.drafts.recovery import RecoveryStore

EDITOR = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from postdesk.core.drafts.model import Draft, Film, Post
    from postdesk.core.drafts.recovery import RecoveryStore
    store = RecoveryStore(Path(sys.argv[1]))
    store.save(Draft(Film(title="Unsaved in another editor"), Post(title="t")), None)
    print("saved", flush=True)
    time.sleep(120)
    """
)


def _draft(title: str) -> Draft:
    return Draft(Film(title=title), Post(title=f"Trailer Park Tuesday, {title}"))


def _other_editor(folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    editor = subprocess.Popen(
        [sys.executable, "-c", EDITOR, str(folder)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert editor.stdout is not None
    assert editor.stdout.readline().strip() == "saved"
    return editor


def test_a_running_editors_copy_is_left_alone_until_it_dies(tmp_path: Path) -> None:
    editor = _other_editor(tmp_path)
    try:
        assert RecoveryStore(tmp_path).orphans() == []
    finally:
        editor.send_signal(signal.SIGKILL)
        editor.wait()
        assert editor.stdout is not None
        editor.stdout.close()
    found = RecoveryStore(tmp_path).orphans()
    assert [r.draft.film.title for r in found] == ["Unsaved in another editor"]
    assert not list(tmp_path.glob("*.lock"))  # the dead editor's lock file is cleared away


def test_an_editor_never_offers_its_own_copy(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(_draft("Heat"), None)
    assert store.orphans() == []
    assert RecoveryStore(tmp_path).orphans() == []  # another window of the same process


def test_discarding_removes_the_copy_and_its_lock(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(_draft("Heat"), tmp_path / "heat.postdesk")
    store.discard()
    assert list(tmp_path.iterdir()) == []


def test_a_copy_from_an_older_postdesk_is_offered(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(_draft("Heat"), tmp_path / "heat.postdesk")
    os.replace(store.own_copy, tmp_path / "4242.recovery.json")  # named by pid, no lock
    found = RecoveryStore(tmp_path).orphans()
    assert [(r.draft.film.title, r.original) for r in found] == [
        ("Heat", tmp_path / "heat.postdesk")
    ]


def test_an_unreadable_copy_is_removed(tmp_path: Path) -> None:
    (tmp_path / "17.recovery.json").write_text("{not json", encoding="utf-8")
    assert RecoveryStore(tmp_path).orphans() == []
    assert not (tmp_path / "17.recovery.json").exists()
