"""The command line never writes over the draft it reads, nor over a read-only draft."""

import os
from pathlib import Path

from postdesk.core.paths import UserDirs
from tests.conftest import SEED_DRAFT
from tests.unit.cli.test_draft_commands import assert_clean_failure, postdesk


def test_export_over_the_draft_itself_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "d.postdesk"
    draft.write_bytes(SEED_DRAFT.read_bytes())
    result = postdesk("export", draft, "-o", draft)
    assert_clean_failure(result, "this is the draft itself")
    assert draft.read_bytes() == SEED_DRAFT.read_bytes()


def test_render_into_a_link_to_the_draft_is_refused(tmp_path: Path) -> None:
    draft = tmp_path / "d.postdesk"
    draft.write_bytes(SEED_DRAFT.read_bytes())
    (tmp_path / "alias.html").symlink_to(draft)
    os.link(draft, tmp_path / "hard.html")
    for output in ("alias.html", "hard.html", "./d.postdesk"):
        result = postdesk("render", draft, "-o", tmp_path / output)
        assert_clean_failure(result, "this is the draft itself")
    assert draft.read_bytes() == SEED_DRAFT.read_bytes()


def test_a_draft_named_like_its_export_is_not_replaced(tmp_path: Path) -> None:
    draft = tmp_path / "x.html"
    draft.write_bytes(SEED_DRAFT.read_bytes())
    result = postdesk("export", draft)
    assert_clean_failure(result, "choose another file with -o")
    assert draft.read_bytes() == SEED_DRAFT.read_bytes()
    assert postdesk("export", draft, "-o", tmp_path / "x-page.html").returncode == 0
    assert "<!DOCTYPE html>" in (tmp_path / "x-page.html").read_text()


def test_publishing_a_read_only_draft_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    draft = tmp_path / "d.postdesk"
    draft.write_bytes(SEED_DRAFT.read_bytes())
    draft.chmod(0o444)
    result = postdesk("publish", draft, "--account", "nowhere")
    assert_clean_failure(result, f"{draft}: is read-only")
    assert draft.read_bytes() == SEED_DRAFT.read_bytes()


def test_a_template_that_never_ends_is_stopped_with_a_message(
    tmp_path: Path, user_dirs: UserDirs
) -> None:
    user_dirs.templates.mkdir(parents=True)
    (user_dirs.templates / "forever.html").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    )
    result = postdesk("render", SEED_DRAFT, "--template", "forever")
    assert_clean_failure(result, "template “forever”: the template took too long")
    result = postdesk("check", SEED_DRAFT)
    assert result.returncode == 0, result.stderr  # the draft's own template is fine
