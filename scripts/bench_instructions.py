"""Processor instructions to the first frame: the window's start-up ratio without the clock.

This machine's speed swings within minutes (a bare PySide6 window took 0.20 to 0.39 s in one
session), and every clock ratio moves with it. Counted instructions do not: callgrind
(valgrind) counts what the window's process executes until its first frame, the same on a
busy machine as on a quiet one, so a change to start-up can be judged by one run.

The same child processes as the clock's figures (bench_child.py) run under callgrind, with
the memory sampler off and a fixed hash seed; the render worker the app starts is another
program, not counted (it runs on another core). Instructions are not time: the app's extra work runs
at fewer instructions per cycle (colder code, more page faults), so its clock ratio is higher.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from typing import Any

from bench_ui import CHILD, SEED, WINDOW_TARGET

#: ``==PID== Collected : N`` for each process callgrind followed (the window's comes first).
COLLECTED = re.compile(r"^==(\d+)== Collected : (\d+)", re.MULTILINE)
STARTED = re.compile(r"^==(\d+)== Callgrind", re.MULTILINE)


def _count(mode: str, arg: str) -> int:
    """Instructions the child's own process executed until its window's first frame."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "POSTDESK_BENCH_COUNTING": "1",  # bench_child: no memory sampler, leave at the frame
        "PYTHONHASHSEED": "0",  # the same dictionaries every run
    }
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [
        "valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
        sys.executable, str(CHILD), mode, repr(time.time()), arg, "0", "0",
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    first = STARTED.search(done.stderr)
    counts = {int(pid): int(n) for pid, n in COLLECTED.findall(done.stderr)}
    if done.returncode != 0 or first is None or int(first.group(1)) not in counts:
        raise RuntimeError(f"{mode} under callgrind failed:\n{done.stderr[-3000:]}")
    return counts[int(first.group(1))]


def run(repeats: int = 3) -> dict[str, Any]:
    """Count each kind once or twice (the counts repeat; a second run shows they do)."""
    if shutil.which("valgrind") is None:
        raise RuntimeError("valgrind is missing: scripts/system-deps.sh installs it")
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(CHILD.parent.parent / "src")])
    runs = min(repeats, 2)
    bare = min(_count("bare-window", "") for _ in range(runs))
    seed = min(_count("app", str(SEED)) for _ in range(runs))
    return {"bare_window": bare, "seed_window": seed, "window_ratio": seed / bare}


def report(figures: dict[str, Any]) -> str:
    """The counts and their ratio, against the window's target."""
    ratio = figures["window_ratio"]
    met = "met" if ratio <= WINDOW_TARGET else "MISSED"
    return (
        f"bare PySide6 window   {figures['bare_window'] / 1e6:8.1f} M instructions\n"
        f"seed window           {figures['seed_window'] / 1e6:8.1f} M instructions  {ratio:.2f}x\n"
        f"window within {WINDOW_TARGET}x of bare, counted in instructions: {met}"
    )
