import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from postdesk.core.atomic import write_atomic
from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.drafts.problems import DraftError
from tests.conftest import SEED_DRAFT


def test_a_save_that_fails_midway_leaves_the_old_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "seed.postdesk"
    path.write_bytes(SEED_DRAFT.read_bytes())
    draft = load_draft(path)
    draft.film.title = "Changed"

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(DraftError, match=r"seed.postdesk: could not be saved \(No space left"):
        save_draft(draft, path)
    assert path.read_bytes() == SEED_DRAFT.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.postdesk"]


def test_a_process_killed_while_saving_leaves_the_old_file_whole(tmp_path: Path) -> None:
    path = tmp_path / "seed.postdesk"
    path.write_bytes(SEED_DRAFT.read_bytes())
    ready = tmp_path / "ready"
    # The child writes a big draft and stops just before the rename, as a crash would.
    child = textwrap.dedent(
        f"""
        import os, time
        from pathlib import Path
        from postdesk.core.drafts.files import load_draft, save_draft
        real_replace = os.replace
        def stall(src, dst):
            Path({str(ready)!r}).write_text(src)
            time.sleep(60)
        os.replace = stall
        draft = load_draft(Path({str(path)!r}))
        draft.film.synopsis = "word " * 500_000
        save_draft(draft, Path({str(path)!r}))
        """
    )
    process = subprocess.Popen([sys.executable, "-c", child])
    try:
        deadline = time.monotonic() + 30
        while not ready.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ready.exists(), "the child never reached the rename"
        temporary = Path(ready.read_text())
        assert temporary.parent == tmp_path and temporary.stat().st_size > 2_000_000
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert path.read_bytes() == SEED_DRAFT.read_bytes()
    assert load_draft(path).film.title == "1 Mile To You"


def test_write_atomic_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "private.postdesk"
    path.write_text("old")
    path.chmod(0o600)
    write_atomic(path, b"new")
    assert path.read_text() == "new"
    assert path.stat().st_mode & 0o777 == 0o600
