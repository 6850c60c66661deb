"""The exported page opens from disk in a real browser (headless Chromium) with its poster."""

import shutil
import subprocess
from pathlib import Path

from postdesk.core.drafts.files import load_draft
from postdesk.core.render.rendering import render
from tests.conftest import SEED_DRAFT

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--virtual-time-budget=3000",
]


def chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    assert path, "Chromium is missing: run scripts/system-deps.sh (Debian package chromium)"
    return path


def test_the_exported_page_renders_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "seed.html"
    page.write_text(render(load_draft(SEED_DRAFT), "page", draft_file=SEED_DRAFT), encoding="utf-8")
    # The script marks whether the inlined poster decoded, so the DOM dump can tell.
    probe = page.with_name("probe.html")
    probe.write_text(
        page.read_text().replace(
            "</body>",
            "<script>addEventListener('load', () => {"
            "const i = document.querySelector('.post-poster img');"
            "document.body.dataset.poster = i && i.naturalWidth;});</script></body>",
        )
    )
    profile = tmp_path / "profile"
    dump = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", probe.as_uri()],
        capture_output=True,
        text=True,
        timeout=90,
        check=True,
    ).stdout
    assert '<h1 class="post-title">Trailer Park Tuesday, 1 Mile To You</h1>' in dump
    assert 'data-poster="600"' in dump
    assert "See it on VOD and in theaters on April 7th!" in dump
    shot = tmp_path / "page.png"
    subprocess.run(
        [
            chromium(),
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            "--window-size=1100,1400",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=90,
        check=True,
    )
    assert shot.stat().st_size > 50_000  # a blank page compresses to a few kB
