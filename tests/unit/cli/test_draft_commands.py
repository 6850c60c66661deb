"""The command line as a user runs it: a real process, its output, its exit status."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from postdesk.core.paths import UserDirs
from tests.conftest import EXAMPLES, SEED_DRAFT
from tests.unit.core.test_seed_reproduction import seed_paragraphs, text_paragraphs


def postdesk(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "postdesk", *map(str, args)],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )


def assert_clean_failure(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 1, result
    assert message in result.stderr + result.stdout
    assert result.stderr.startswith("postdesk: error: ")
    assert "Traceback" not in result.stderr + result.stdout


def test_render_prints_the_post_body() -> None:
    result = postdesk("render", SEED_DRAFT)
    assert result.returncode == 0, result.stderr
    title = json.loads(SEED_DRAFT.read_text())["post"]["title"]
    assert [title, *text_paragraphs(result.stdout)] == seed_paragraphs()


def test_render_block_markup_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "post.blocks"
    result = postdesk("render", SEED_DRAFT, "--format", "blocks", "-o", out)
    assert result.returncode == 0 and result.stdout == ""
    assert out.read_text().startswith("<!-- wp:embed ")


def test_render_with_another_template() -> None:
    result = postdesk("render", SEED_DRAFT, "--template", "review")
    assert "<h2>The story</h2>" in result.stdout
    assert_clean_failure(
        postdesk("render", SEED_DRAFT, "--template", "fancy"),
        "--template: there is no template named “fancy”",
    )


def test_export_writes_a_page_next_to_the_draft(tmp_path: Path) -> None:
    draft = tmp_path / "seed.postdesk"
    draft.write_bytes(SEED_DRAFT.read_bytes())
    (tmp_path / "1-mile-to-you.jpg").write_bytes((EXAMPLES / "1-mile-to-you.jpg").read_bytes())
    result = postdesk("export", draft)
    assert result.returncode == 0, result.stderr
    page = tmp_path / "seed.html"
    assert result.stdout.strip() == str(page)
    text = page.read_text()
    assert "<title>Trailer Park Tuesday, 1 Mile To You</title>" in text
    assert '<img src="data:image/jpeg;base64,' in text


def test_templates_lists_names_and_descriptions(user_dirs: UserDirs) -> None:
    user_dirs.templates.mkdir(parents=True)
    (user_dirs.templates / "review.html").write_text(
        "{#- postdesk\nname: My review\ndescription: Shorter.\n-#}\n<p>{{ film.title }}</p>"
    )
    result = postdesk("templates")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(
        line.startswith("trailer-tuesday") and "Trailer Park Tuesday:" in line for line in lines
    )
    assert any("My review (yours, replaces the built-in one): Shorter." in line for line in lines)


def test_check_reports_every_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.postdesk"
    bad.write_text(
        json.dumps(
            {
                "postdesk": 1,
                "film": {
                    "title": "x",
                    "year": "1995",
                    "releases": [{"date": "2017-13-40", "where": "VOD"}],
                },
                "post": {"title": "y", "template": "nope"},
            }
        )
    )
    result = postdesk("check", bad)
    assert_clean_failure(result, f"{bad}: 3 problems found")
    assert result.stdout.splitlines() == [
        f'{bad}: error: film.year: "1995" is not a whole number',
        f'{bad}: error: film.releases[0].date: "2017-13-40" is not a date (write it as YYYY-MM-DD)',
        f'{bad}: error: post.template: "nope" is not a known template '
        "(release-announcement, review, trailer-tuesday)",
    ]


def test_check_passes_a_good_draft_and_lists_warnings(tmp_path: Path) -> None:
    assert postdesk("check", SEED_DRAFT).stdout.strip() == f"{SEED_DRAFT}: OK"
    draft = json.loads(SEED_DRAFT.read_text())
    draft["film"]["trailer_url"] = "javascript:alert(1)"
    draft["film"]["synopsis"] += " With @[Nobody Here]."
    path = tmp_path / "warn.postdesk"
    path.write_text(json.dumps(draft))
    result = postdesk("check", path)
    assert result.returncode == 0
    assert (
        "warning: film.synopsis: mentions @[Nobody Here], who is not in the cast list"
        in result.stdout
    )
    assert "warning: film.trailer_url: not a web address" in result.stdout
    assert "warning: film.poster: the file" in result.stdout
    assert result.stdout.strip().endswith("OK (3 warnings)")


@pytest.mark.parametrize("command", ["render", "export", "check"])
def test_bad_input_exits_1_without_a_traceback(tmp_path: Path, command: str) -> None:
    broken = tmp_path / "broken.postdesk"
    broken.write_text('{"postdesk": 1, "film": ')
    before = broken.read_bytes()
    result = postdesk(command, broken)
    assert result.returncode == 1
    assert str(broken) in result.stderr + result.stdout
    assert "invalid JSON at line 1" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    assert broken.read_bytes() == before
    assert_clean_failure(postdesk(command, tmp_path / "missing.postdesk"), "no such file")


def test_unwritable_output_is_a_clear_error(tmp_path: Path) -> None:
    result = postdesk("render", SEED_DRAFT, "-o", tmp_path / "no" / "such" / "dir.html")
    assert_clean_failure(result, "could not be written")


@pytest.mark.parametrize("command", ["render", "export", "templates", "check"])
def test_each_command_has_help(command: str) -> None:
    result = postdesk(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: postdesk {command}")


def test_version_and_top_level_help() -> None:
    assert postdesk("--version").stdout.startswith("postdesk ")
    usage = postdesk("--help").stdout
    for command in ("render", "export", "templates", "check"):
        assert command in usage


def test_config_dir_flag_points_at_the_users_templates(tmp_path: Path) -> None:
    base = tmp_path / "portable"
    (base / "data" / "templates").mkdir(parents=True)
    (base / "data" / "templates" / "tiny.html").write_text("<p>{{ film.title }}</p>")
    result = postdesk("--config-dir", base, "render", SEED_DRAFT, "--template", "tiny")
    assert result.stdout == "<p>1 Mile To You</p>\n"
