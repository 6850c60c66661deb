"""``check`` and ``export`` on a draft whose poster is not an image: said, never sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile_posters import REASONS, SECRET, hostile_draft, hostile_posters
from tests.unit.cli.test_draft_commands import postdesk


@pytest.mark.parametrize("case", sorted(REASONS))
def test_check_fails_naming_the_poster_field_and_why(tmp_path: Path, case: str) -> None:
    poster = hostile_posters(tmp_path)[case]
    draft = hostile_draft(tmp_path, poster)
    result = postdesk("check", draft)
    assert result.returncode == 1, result.stdout
    assert f"{draft}: error: film.poster: the file " in result.stdout
    assert REASONS[case] in result.stdout
    assert "will not publish or export it" in result.stdout
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr


def test_check_still_only_warns_about_a_missing_poster(tmp_path: Path) -> None:
    hostile_posters(tmp_path)
    result = postdesk("check", hostile_draft(tmp_path, "gone.jpg"))
    assert result.returncode == 0
    assert "warning: film.poster: the file" in result.stdout and "does not exist" in result.stdout


@pytest.mark.parametrize("case", ["private file", "text renamed .jpg", "huge file"])
def test_export_says_it_left_the_poster_out(tmp_path: Path, case: str) -> None:
    draft = hostile_draft(tmp_path, hostile_posters(tmp_path)[case])
    out = tmp_path / "page.html"
    result = postdesk("export", draft, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(out)
    assert f"{draft}: warning: film.poster: the file " in result.stderr
    assert "the exported page has no poster" in result.stderr
    assert '<figure class="post-poster">' not in out.read_text()
    assert SECRET not in out.read_text()


def test_export_with_a_good_poster_says_nothing(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    hostile_posters(tmp_path)
    (tmp_path / "drafts" / "a" / "b" / "p.jpg").write_bytes(
        (EXAMPLES / "1-mile-to-you.jpg").read_bytes()
    )
    result = postdesk("export", hostile_draft(tmp_path, "p.jpg"), "-o", tmp_path / "o.html")
    assert result.returncode == 0 and result.stderr == ""
    assert (
        '<figure class="post-poster"><img src="data:image/jpeg;base64,'
        in (tmp_path / "o.html").read_text()
    )
