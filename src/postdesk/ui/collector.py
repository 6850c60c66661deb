"""Python's cycle collector, paused while the editor starts.

Starting the window allocates a great many objects that live as long as the process:
modules, classes, Qt for Python's types, the widgets. The collector would walk them again
and again for nothing: 64 collections, about 12 ms, before the first frame (20 ms less to
the first frame without them, median of 14 interleaved starts). So :func:`pause` stops it as
the editor starts, and :func:`resume` restarts it once the first preview has painted, after
freezing everything allocated so far (``gc.freeze``: never scanned again, which also keeps
the collections short while the blogger types).

Qt-free and cheap to import: ``run_app`` calls :func:`pause` before anything else loads. The
render worker is a process of its own and collects as usual
(:mod:`postdesk.core.render.early_worker`).
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Stop collecting cycles until :func:`resume` (a no-op where collection is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what start-up allocated and collect again (only if :func:`pause` stopped it)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
