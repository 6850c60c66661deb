"""The render worker started with the editor renders like a spawned one, and is ended."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import SEED_DRAFT

SRC = Path(__file__).resolve().parents[3] / "src"

# Run in a fresh interpreter, as the editor does: its first worker is started before anything.
START_AND_RENDER = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from postdesk.core.render import early_worker
    started = early_worker.start_worker()
    early_pid = early_worker._EARLY.pid if early_worker._EARLY else None
    from postdesk.core.drafts.files import load_draft
    from postdesk.core.render.bounded import RenderProcess
    from postdesk.core.render.errors import RenderLimitError
    from postdesk.core.render.rendering import render
    from postdesk.core.render.templates import TemplateLibrary
    draft = load_draft(Path(sys.argv[1]))
    process = RenderProcess()
    first = process.render_one(draft, "html")
    first_worker = process._worker.process
    report = {
        "started": started, "early_pid": early_pid, "rendering_pid": first_worker.pid,
        "same_as_in_process": first == render(draft, "html"),
        "still_waiting": early_worker.started(),
    }
    if sys.argv[2] == "limit":
        library = TemplateLibrary(Path(sys.argv[3]))
        try:
            process.render_one(draft, "html", library=library, template="forever")
        except RenderLimitError as err:
            report["limit"] = str(err)
        report["early_alive_after_limit"] = first_worker.is_alive()
        again = process.render_one(draft, "html")
        report["next_pid"] = process._worker.process.pid
        report["next_same"] = again == first
    process.close()
    report["early_alive_after_close"] = first_worker.is_alive()
    report["early_exitcode"] = first_worker.exitcode
    print(json.dumps(report))
    """
)


def run_script(*args: str, cwd: Path | None = None) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run(  # -P: like the installed `postdesk`, the current folder not on sys.path
        [sys.executable, "-P", "-c", START_AND_RENDER, str(SEED_DRAFT), *args],
        capture_output=True, text=True, env=env, timeout=120, check=False, cwd=cwd,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def test_the_early_worker_renders_the_first_preview_and_is_reaped_on_close() -> None:
    report = run_script("plain")
    assert report["started"] is True
    assert report["rendering_pid"] == report["early_pid"]
    assert report["same_as_in_process"] is True
    assert report["still_waiting"] is False  # adopted once, by the first renderer
    assert report["early_alive_after_close"] is False
    assert report["early_exitcode"] is not None


def test_a_runaway_template_ends_the_early_worker_and_a_spawned_one_follows(
    tmp_path: Path,
) -> None:
    (tmp_path / "forever.html").write_text(
        "{#- postdesk\nname: Forever\ndescription: Never ends.\n-#}\n"
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        encoding="utf-8",
    )
    report = run_script("limit", str(tmp_path))
    assert "took too long" in str(report["limit"])
    assert report["early_alive_after_limit"] is False
    assert report["next_pid"] != report["early_pid"]
    assert report["next_same"] is True


def test_a_folder_named_postdesk_where_the_editor_starts_does_not_stop_the_worker(
    tmp_path: Path,
) -> None:
    # A "postdesk" folder of the blogger's, with Python in it, where they start the editor from.
    (tmp_path / "postdesk").mkdir()
    (tmp_path / "postdesk" / "__init__.py").write_text("raise SystemExit(3)\n")
    report = run_script("plain", cwd=tmp_path)
    assert report["started"] is True
    assert report["rendering_pid"] == report["early_pid"]
    assert report["same_as_in_process"] is True


def test_a_failed_start_leaves_the_window_to_spawn_its_worker() -> None:
    script = textwrap.dedent(
        """
        import os, sys
        from pathlib import Path
        from postdesk.core.render import early_worker
        def refuse(*args, **kwargs):
            raise BlockingIOError(11, "Resource temporarily unavailable")
        real_spawn, os.posix_spawn = os.posix_spawn, refuse
        started = early_worker.start_worker()
        os.posix_spawn = real_spawn
        from postdesk.core.drafts.files import load_draft
        from postdesk.core.render.bounded import RenderProcess
        process = RenderProcess()
        html = process.render_one(load_draft(Path(sys.argv[1])), "html")
        print(started, "1 Mile To You" in html)
        process.close()
        """
    )
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(SEED_DRAFT)], capture_output=True, text=True,
        env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["False", "True"]
