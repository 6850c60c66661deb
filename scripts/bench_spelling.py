"""Typing into the 20,000-word synopsis in the real window, spell check on against off.

Each figure is a fresh process running the window on bench_ui's large draft (the seed film,
100 actors, a 20,000-word synopsis). Once the first preview has painted and spell check has
started, it types into the middle of the synopsis, one key every ``SPACING_MS`` like a brisk
typist, and times each key from its press to the moment the window has handled it (the key
events and every event they posted: the re-underlined paragraph, the form's edit signal).
"Off" is the same window with spell check never started. It also times spell check's start
(Enchant loading, the check of every field scheduled) and a change of the draft's names
(a cast rename): the time until every underline is redone, and how long it held the window.

    python scripts/bench.py --only spelling --repeats 3
    python scripts/bench_spelling.py child on DRAFT      # one measured process
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

KEYS = 150
SPACING_MS = 80
TYPED = "the spice must flow "


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _child(mode: str, draft: str) -> None:
    """Open the window on ``draft``, type ``KEYS`` keys, print one JSON line, exit."""
    from postdesk.ui.app import prepare_web_engine

    prepare_web_engine()
    from PySide6.QtCore import QCoreApplication, Qt, QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    from postdesk.ui import spellcheck
    from postdesk.ui.main_window import MainWindow
    from postdesk.ui.qt_app import create_application

    result: dict[str, Any] = {"mode": mode}
    original_start = spellcheck.SpellChecker.start

    def timed_start(checker: spellcheck.SpellChecker) -> None:
        if mode == "off":
            return  # spell check never starts: nothing is underlined
        started = time.perf_counter()
        original_start(checker)
        result["start_ms"] = (time.perf_counter() - started) * 1000

    spellcheck.SpellChecker.start = timed_start  # type: ignore[method-assign]
    app = create_application(sys.argv[:1])
    window = MainWindow.for_user(tempfile.mkdtemp(), Path(draft))
    window.resize(1280, 800)
    window.show()
    synopsis = window.form.film.synopsis
    latencies: list[float] = []
    keys: list[float] = []
    state: dict[str, float] = {}

    def begin() -> None:
        window.form.setCurrentIndex(0)
        synopsis.setFocus()
        cursor = synopsis.textCursor()
        cursor.setPosition(synopsis.document().characterCount() // 2)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
        synopsis.setTextCursor(cursor)
        synopsis.ensureCursorVisible()
        QTimer.singleShot(SPACING_MS, type_one)

    def type_one() -> None:
        letter = TYPED[len(latencies) % len(TYPED)]
        started = time.perf_counter()
        QTest.keyClick(synopsis, letter)  # the key and what it does at once (re-underlining)
        keys.append(time.perf_counter() - started)
        app.processEvents()  # whatever the key posted is handled too
        latencies.append(time.perf_counter() - started)
        if len(latencies) < KEYS:
            QTimer.singleShot(SPACING_MS, type_one)
        else:
            QTimer.singleShot(300, finish)

    def finish() -> None:
        window.form.film.title.setText(window.form.film.title.text() + " II")
        state["renamed"] = time.perf_counter()
        spellcheck.shared_checker().names_changed()  # what a settled rename or new name does
        state["blocked"] = (time.perf_counter() - state["renamed"]) * 1000
        QTimer.singleShot(0, wait_for_underlines)

    def wait_for_underlines() -> None:
        if getattr(synopsis.spell_highlighter, "checking", False):
            QTimer.singleShot(5, wait_for_underlines)
            return
        result["names_changed_ms"] = (time.perf_counter() - state["renamed"]) * 1000
        result["names_blocked_ms"] = state["blocked"]
        result["latencies_ms"] = [round(x * 1000, 3) for x in latencies]
        result["keys_ms"] = [round(x * 1000, 3) for x in keys]
        window.document._set_modified(False)
        print(json.dumps(result), flush=True)
        os._exit(0)

    def painted(_number: int) -> None:
        window.preview_painted.disconnect(painted)
        QTimer.singleShot(1500, begin)  # spell check starts on the turn after the first paint

    window.preview_painted.connect(painted)
    window.start()
    app.exec()


def _one(mode: str, draft: Path) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    done = subprocess.run(
        [sys.executable, __file__, "child", mode, str(draft)],
        capture_output=True, text=True, env=env, timeout=300, check=False,
    )  # fmt: skip
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"spelling {mode} printed no result:\n{done.stderr[-3000:]}")
    return dict(json.loads(lines[-1]))


def run(repeats: int = 3) -> dict[str, Any]:
    """Median figures for spell check on and off, ``repeats`` fresh processes each."""
    from bench_ui import large_draft

    with tempfile.TemporaryDirectory() as folder:
        draft = large_draft(Path(folder))
        figures: dict[str, Any] = {}
        for mode in ("off", "on"):
            runs = [_one(mode, draft) for _ in range(repeats)]
            handled = [x for r in runs for x in r["latencies_ms"]]
            keys = [x for r in runs for x in r["keys_ms"]]
            figures[mode] = {
                "keys": len(handled),
                "median_ms": statistics.median(handled),
                "p95_ms": _percentile(handled, 0.95),
                "max_ms": max(handled),
                "key_median_ms": statistics.median(keys),
                "key_p95_ms": _percentile(keys, 0.95),
                "start_ms": statistics.median(r.get("start_ms", 0.0) for r in runs),
                "names_changed_ms": statistics.median(r["names_changed_ms"] for r in runs),
                "names_blocked_ms": statistics.median(r["names_blocked_ms"] for r in runs),
            }
        return figures


def report(figures: dict[str, Any]) -> str:
    """The table for the issue notes: keystroke to handled, in the 20,000-word synopsis."""
    lines = [
        "keystroke → handled (the key, then every event it posted), and the key alone:",
        f"{'spell check':12} {'keys':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} "
        f"{'key med':>8} {'key p95':>8} {'start ms':>9} {'names ms':>9} {'blocked':>8}",
    ]
    for mode, f in figures.items():
        lines.append(
            f"{mode:12} {f['keys']:>5} {f['median_ms']:>10.2f} {f['p95_ms']:>8.2f} "
            f"{f['max_ms']:>8.2f} {f['key_median_ms']:>8.2f} {f['key_p95_ms']:>8.2f} "
            f"{f['start_ms']:>9.1f} {f['names_changed_ms']:>9.1f} {f['names_blocked_ms']:>8.1f}"
        )
    on, off = figures.get("on"), figures.get("off")
    if on and off and off["median_ms"]:
        lines.append(
            f"on/off: median {on['median_ms'] / off['median_ms']:.2f}x, "
            f"p95 {on['p95_ms'] / max(off['p95_ms'], 1e-6):.2f}x"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "child":
        _child(sys.argv[2], sys.argv[3])
    else:
        print(report(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1)))
