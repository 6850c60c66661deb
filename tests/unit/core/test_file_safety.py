"""A draft file is never replaced behind the user's back: changed, read-only, linked, leftovers."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from postdesk.core.atomic import STALE_AFTER_S, write_atomic
from postdesk.core.drafts.files import (
    DraftChangedError,
    DraftReadOnlyError,
    check_can_save,
    load_draft,
    save_draft,
)
from tests.conftest import SEED_DRAFT


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / "seed.postdesk"
    path.write_bytes(SEED_DRAFT.read_bytes())
    return path


def other_program_writes(path: Path, title: str) -> bytes:
    """Another editor changes the title, the way a text editor saves: a new file."""
    text = path.read_text(encoding="utf-8").replace('"1 Mile To You"', f'"{title}"', 1)
    replacement = path.with_name("other-editor.tmp")
    replacement.write_text(text, encoding="utf-8")
    os.replace(replacement, path)
    return path.read_bytes()


def test_a_change_by_another_program_is_not_overwritten(seed: Path) -> None:
    draft = load_draft(seed)
    draft.post.question = "Mine"
    theirs = other_program_writes(seed, "Their Title")
    with pytest.raises(DraftChangedError, match=r"seed.postdesk: was changed by another program"):
        save_draft(draft, seed)
    assert seed.read_bytes() == theirs
    with pytest.raises(DraftChangedError):
        check_can_save(draft, seed)


def test_keep_mine_overwrites_and_later_saves_go_through(seed: Path) -> None:
    draft = load_draft(seed)
    other_program_writes(seed, "Their Title")
    draft.post.question = "Mine"
    save_draft(draft, seed, overwrite_changes=True)
    assert load_draft(seed).post.question == "Mine"
    draft.post.question = "Mine again"
    save_draft(draft, seed)  # the last save is now what the file holds
    assert load_draft(seed).post.question == "Mine again"


def test_a_touched_but_unchanged_file_saves(seed: Path) -> None:
    draft = load_draft(seed)
    later = time.time() + 5
    os.utime(seed, (later, later))
    draft.post.question = "Still mine"
    save_draft(draft, seed)
    assert load_draft(seed).post.question == "Still mine"


def test_save_as_over_another_chosen_file_is_not_a_conflict(seed: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.postdesk"
    other.write_text("chosen in the Save As dialog")
    save_draft(load_draft(seed), other)
    assert load_draft(other).film.title == "1 Mile To You"


def test_a_read_only_draft_is_refused_by_name(seed: Path) -> None:
    draft = load_draft(seed)
    seed.chmod(0o444)
    draft.post.question = "Mine"
    with pytest.raises(DraftReadOnlyError, match=r"seed.postdesk: is read-only"):
        save_draft(draft, seed)
    with pytest.raises(DraftReadOnlyError):
        check_can_save(draft, seed)
    assert seed.read_bytes() == SEED_DRAFT.read_bytes()
    assert seed.stat().st_mode & 0o777 == 0o444


def test_saving_through_a_link_keeps_the_link_and_changes_its_target(
    seed: Path, tmp_path: Path
) -> None:
    links = tmp_path / "desk"
    links.mkdir()
    link = links / "linked.postdesk"
    link.symlink_to(Path("..") / seed.name)
    draft = load_draft(link)
    draft.post.question = "Through the link"
    save_draft(draft, link)
    draft.post.question = "And again"
    save_draft(draft, link)
    assert link.is_symlink() and link.resolve() == seed.resolve()
    assert load_draft(seed).post.question == "And again"
    assert sorted(p.name for p in links.iterdir()) == ["linked.postdesk"]


def test_temporary_files_of_killed_saves_are_removed_at_the_next_save(seed: Path) -> None:
    ready = seed.with_name("ready")
    # Each child stops right before its rename and is killed, as a crash would leave it.
    child = textwrap.dedent(
        f"""
        import os, time
        from pathlib import Path
        from postdesk.core.drafts.files import load_draft, save_draft
        def stall(src, dst):
            Path({str(ready)!r}).write_text(src)
            time.sleep(60)
        os.replace = stall
        save_draft(load_draft(Path({str(seed)!r})), Path({str(seed)!r}))
        """
    )
    for _ in range(3):
        ready.unlink(missing_ok=True)
        process = subprocess.Popen([sys.executable, "-c", child])
        try:
            deadline = time.monotonic() + 30
            while not ready.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert ready.exists(), "the child never reached the rename"
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()
    ready.unlink()
    old = seed.with_name(f".{seed.name}.abcd1234.tmp")  # an older postdesk's, from last week
    old.write_text("left over")
    os.utime(old, (time.time() - STALE_AFTER_S - 600,) * 2)
    other = seed.with_name(".notes.txt.abcd1234.tmp")  # not ours: another file's
    other.write_text("someone else's")
    # Each killed save already cleared the one before it: leftovers do not pile up.
    assert len(list(seed.parent.glob(f".{seed.name}.*.tmp"))) == 2
    save_draft(load_draft(seed), seed)
    assert sorted(p.name for p in seed.parent.iterdir()) == [other.name, seed.name]


def test_a_save_in_progress_elsewhere_keeps_its_temporary_file(seed: Path) -> None:
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = seed.with_name(f".{seed.name}.{sleeper.pid}.abcd1234.tmp")
        busy.write_text("being written")
        write_atomic(seed, SEED_DRAFT.read_bytes())
        assert busy.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


def test_a_record_written_by_a_parallel_publish_is_kept_not_refused(seed: Path) -> None:
    from postdesk.core.drafts.model import Publication

    mine, theirs = load_draft(seed), load_draft(seed)
    theirs.record_publication(Publication(account="Other blog", post_id=7, link="https://o/7"))
    save_draft(theirs, seed)
    mine.record_publication(Publication(account="My blog", post_id=3, link="https://m/3"))
    save_draft(mine, seed)  # only records differ: no conflict, and both records stay
    records = {p.account: p.post_id for p in load_draft(seed).publications}
    assert records == {"Other blog": 7, "My blog": 3}
    theirs.post.question = "An edit, not a record"
    save_draft(theirs, seed, overwrite_changes=True)
    mine.post.question = "Mine"
    with pytest.raises(DraftChangedError):
        save_draft(mine, seed)
