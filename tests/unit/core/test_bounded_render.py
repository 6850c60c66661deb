"""Templates run under a time, memory and size limit, in a worker process that can be ended."""

from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.render.bounded import RenderProcess, render_limited
from postdesk.core.render.errors import RenderLimitError
from postdesk.core.render.rendering import render
from postdesk.core.render.templates import TemplateLibrary
from tests.conftest import SEED_DRAFT

HEADER = "{#- postdesk\nname: Test\ndescription: For a test.\n-#}\n"
NEVER_ENDS = (
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"
    "<p>{{ film.title }}</p>"
)


def library_with(folder: Path, **templates: str) -> TemplateLibrary:
    folder.mkdir(exist_ok=True)
    for name, body in templates.items():
        (folder / f"{name}.html").write_text(HEADER + body, encoding="utf-8")
    return TemplateLibrary(folder)


def test_a_template_that_never_ends_is_stopped_and_named(tmp_path: Path) -> None:
    library = library_with(tmp_path / "templates", forever=NEVER_ENDS)
    draft = load_draft(SEED_DRAFT)
    with pytest.raises(RenderLimitError, match=r"template “forever”: the template took too long"):
        render_limited(draft, "html", library=library, template="forever")
    # The next render gets a fresh worker and the usual result.
    assert render_limited(draft, "html", library=library) == render(draft, "html")


def test_a_template_that_eats_memory_is_stopped(tmp_path: Path) -> None:
    # 100,000 copies of a 600 kB separator: about 60 GB, asked for in one piece.
    hog = '{{ range(100000)|join(range(100000)|join(","))|length }}'
    library = library_with(tmp_path / "templates", hog=hog)
    draft = load_draft(SEED_DRAFT)
    with pytest.raises(RenderLimitError, match=r"“hog”, line 5: the template used too much memory"):
        render_limited(draft, "html", library=library, template="hog")


def test_a_template_that_writes_without_end_is_stopped(tmp_path: Path) -> None:
    flood = '{% for i in range(100000) %}{{ "y" * 1000 }}{% endfor %}'
    library = library_with(tmp_path / "templates", flood=flood)
    draft = load_draft(SEED_DRAFT)
    with pytest.raises(RenderLimitError, match=r"“flood”: the template wrote more than 64 MB"):
        render_limited(draft, "html", library=library, template="flood")


def test_the_worker_renders_what_rendering_in_process_gives(tmp_path: Path) -> None:
    draft = load_draft(SEED_DRAFT)
    process = RenderProcess()
    try:
        for fmt in ("html", "blocks", "page"):
            expected = render(draft, fmt, draft_file=SEED_DRAFT)  # type: ignore[arg-type]
            got = process.render_one(draft, fmt, draft_file=SEED_DRAFT)  # type: ignore[arg-type]
            assert got == expected
    finally:
        process.close()
