"""Start-up, first preview, edit-to-preview latency and peak memory of the editor.

Every measurement runs in a fresh process, and a bare PySide6 window and a bare QtWebEngine
page are measured the same way (see bench_child.py), so the ratios compare like with like:
the same clock (from the parent's launch), the same event (the window's first painted frame;
the page painted two animation frames after its content), and the runs of every kind
interleaved, so a busy spell on a shared machine does not land on one kind only. Each run
starts once the last one's processes are all gone (QtWebEngine's take about a second to wind
down after the measured process leaves).
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "resources" / "examples" / "01-1-mile-to-you.postdesk"
EDITS = 60
EDIT_SPACING_MS = 150  # a brisk typist's pause between changes

CHILD = Path(__file__).with_name("bench_child.py")
WINDOW_TARGET = 1.3  # issue 9: the window within 1.3x of a bare PySide6 window
PREVIEW_TARGET = 1.35  # and the first preview within 1.35x of a bare QtWebEngine page


def large_draft(folder: Path) -> Path:
    """The seed film with 100 cast members and a 20,000-word synopsis."""
    data = json.loads(SEED.read_text(encoding="utf-8"))
    cast = data["film"]["cast"]
    for i in range(len(cast), 100):
        cast.append(
            {"name": f"Actor Number{i}", "character": f"Role {i}", "known_for": f"Show {i}"}
        )
    words = [
        "the",
        "runner",
        "keeps",
        "the",
        "memory",
        "alive",
        "while",
        "the",
        "season",
        "turns",
        "and",
        "the",
        "team",
        "gathers",
    ]
    paragraphs = []
    for p in range(200):
        body = " ".join(words[(p + i) % len(words)] for i in range(97))
        paragraphs.append(f"Paragraph {p} with @[Actor Number{10 + p % 90}] {body}.")
    data["film"]["synopsis"] = "\n\n".join(paragraphs)
    data["film"]["poster"] = str(SEED.with_name("1-mile-to-you.jpg"))
    path = folder / "large.postdesk"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def _run_child(mode: str, arg: str, timeout: float = 300) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode compiled
    started = time.time()
    child = subprocess.Popen(
        [sys.executable, str(CHILD), mode, repr(started), arg, str(EDITS), str(EDIT_SPACING_MS)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,  # its own process group: see _wait_for_group
    )  # fmt: skip
    try:
        stdout, stderr = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        raise
    finally:
        _wait_for_group(child.pid)
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"{mode} printed no result:\n{stderr[-3000:]}")
    return dict(json.loads(lines[-1]))


def _wait_for_group(group: int, timeout: float = 10) -> None:
    """Wait until every process of a child's group is gone (killed after ``timeout``).

    A child leaves at once, but QtWebEngine's processes and the render worker take about a
    second to wind down; the next measurement must not start while they still use the cores.
    """
    deadline = time.monotonic() + timeout
    signal_to_send = 0  # asks only whether the group still exists
    while True:
        try:
            os.killpg(group, signal_to_send)
        except ProcessLookupError:
            return
        if time.monotonic() > deadline:
            signal_to_send = signal.SIGKILL  # a straggler must not spill into the next run
        time.sleep(0.01)


def _median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def run(repeats: int = 3) -> dict[str, Any]:
    """Measure everything; each figure is the median of ``repeats`` fresh processes."""
    # As pip does on install: measure start-up, not compiling the sources.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "src")], check=True)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        page = folder / "seed-page.html"
        subprocess.run(
            [sys.executable, "-m", "postdesk", "render", str(SEED), "--format", "page", "-o",
             str(page)],
            check=True,
        )  # fmt: skip
        drafts = {"seed": SEED, "large": large_draft(folder)}
        bare_window: list[dict[str, Any]] = []
        bare_page: list[dict[str, Any]] = []
        apps: dict[str, list[dict[str, Any]]] = {name: [] for name in drafts}
        for _ in range(repeats):  # interleaved: a busy spell on the machine hits every kind
            bare_window.append(_run_child("bare-window", ""))
            bare_page.append(_run_child("bare-page", str(page)))
            for name, path in drafts.items():
                apps[name].append(_run_child("app", str(path)))
    figures: dict[str, Any] = {
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "bare_window_shown_s": _median(bare_window, "window_shown_s"),
        "bare_window_shown_cpu_s": _median(bare_window, "window_shown_cpu_s"),
        "bare_window_peak_mib": _median(bare_window, "peak_mib"),
        "bare_page_painted_s": _median(bare_page, "preview_painted_s"),
        "bare_page_peak_mib": _median(bare_page, "peak_mib"),
    }
    for name, runs in apps.items():
        latencies = sorted(x for r in runs for x in r["latencies_ms"])
        figures[name] = {
            "window_shown_s": _median(runs, "window_shown_s"),
            "window_shown_cpu_s": _median(runs, "window_shown_cpu_s"),
            "preview_painted_s": _median(runs, "preview_painted_s"),
            "edit_to_preview_median_ms": statistics.median(latencies),
            "edit_to_preview_p95_ms": latencies[int(len(latencies) * 0.95) - 1],
            "edits": len(latencies) // repeats,
            "renders": _median(runs, "renders"),
            "peak_mib": _median(runs, "peak_mib"),
        }
        app = figures[name]
        app["window_ratio"] = app["window_shown_s"] / figures["bare_window_shown_s"]
        app["window_cpu_ratio"] = app["window_shown_cpu_s"] / figures["bare_window_shown_cpu_s"]
        app["preview_ratio"] = app["preview_painted_s"] / figures["bare_page_painted_s"]
    return figures


def report(figures: dict[str, Any]) -> str:
    """A table for people."""
    lines = [
        f"bare PySide6 window shown        {figures['bare_window_shown_s']:.3f} s   "
        f"peak {figures['bare_window_peak_mib']:.0f} MiB   "
        f"processor {figures['bare_window_shown_cpu_s']:.3f} s",
        f"bare QtWebEngine page painted    {figures['bare_page_painted_s']:.3f} s   "
        f"peak {figures['bare_page_peak_mib']:.0f} MiB",
        "",
        f"{'draft':<8}{'window':>10}{'ratio':>8}{'preview':>10}{'ratio':>8}"
        f"{'edit median':>13}{'edit p95':>10}{'renders':>9}{'peak MiB':>10}{'cpu ratio':>11}",
    ]
    for name in ("seed", "large"):
        f = figures[name]
        lines.append(
            f"{name:<8}{f['window_shown_s']:>9.3f}s{f['window_ratio']:>7.2f}x"
            f"{f['preview_painted_s']:>9.3f}s{f['preview_ratio']:>7.2f}x"
            f"{f['edit_to_preview_median_ms']:>11.1f}ms{f['edit_to_preview_p95_ms']:>8.1f}ms"
            f"{f['renders']:>9.0f}{f['peak_mib']:>10.0f}{f['window_cpu_ratio']:>10.2f}x"
        )
    seed = figures["seed"]

    def verdict(ok: bool) -> str:
        return "met" if ok else "MISSED"

    lines += [
        "",
        f"targets on the seed: window within {WINDOW_TARGET}x of bare: "
        f"{verdict(seed['window_ratio'] <= WINDOW_TARGET)}; "
        f"first preview within {PREVIEW_TARGET}x: "
        f"{verdict(seed['preview_ratio'] <= PREVIEW_TARGET)}; "
        f"p95 edit-to-preview under 100 ms: {verdict(seed['edit_to_preview_p95_ms'] < 100)}",
        f"({seed['edits']} edits per draft, {EDIT_SPACING_MS} ms apart; medians over fresh "
        "processes; cpu ratio: the processor time to the shown window, steadier than the "
        "clock on a busy machine)",
        f"load average while measuring: {figures.get('load', '?')}",
    ]
    return "\n".join(lines)
