"""One render for the preview, made in the render thread: the page, its length, its note.

:class:`~postdesk.ui.render_scheduler.RenderScheduler` runs :func:`render_result` off the GUI
thread; the window only shows what it returns. Loaded by the render thread with its first job,
after the window's first frame.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from postdesk.core.render.bounded import Output, RenderJob
from postdesk.core.render.errors import RenderError
from postdesk.ui.draft_status import length_of, with_hint

if TYPE_CHECKING:
    from postdesk.core.drafts.model import Draft
    from postdesk.core.render.bounded import RenderProcess
    from postdesk.core.render.templates import TemplateLibrary


@dataclass
class RenderResult:
    """One render of one draft: the preview page and, when asked for, the published sources."""

    number: int
    template: str
    page: str = ""
    #: The post's length for the status bar ("224 words · 1 min read"), when it rendered.
    length: str = ""
    html: str | None = None
    blocks: str | None = None
    error: str | None = None
    seconds: float = 0.0
    requested_at: float = field(default=0.0)


def render_result(
    number: int,
    draft: Draft,
    draft_file: Path | None,
    library: TemplateLibrary,
    sources: bool,
    requested_at: float,
    process: RenderProcess,
    on_sent: Callable[[], object] | None = None,
) -> RenderResult:
    """Render the preview page (and the published sources when asked); errors become text."""
    started = time.perf_counter()
    result = RenderResult(number, draft.post.template, requested_at=requested_at)
    outputs = [Output("page", offline=True)]
    if sources:
        outputs += [Output("html"), Output("blocks")]
    job = RenderJob(
        draft, tuple(outputs), library.user_dir, library.builtin_dir, draft_file=draft_file
    )
    try:
        texts = process.render(job, on_sent)
        result.length = length_of(texts[0])
        result.page = with_hint(texts[0], draft)
        if sources:
            result.html, result.blocks = texts[1], texts[2]
    except RenderError as err:
        result.error = str(err)
    except Exception as err:  # a bug must show in the preview, not kill the thread
        result.error = f"{type(err).__name__}: {err}"
    result.seconds = time.perf_counter() - started
    return result
