#!/usr/bin/env python3
"""Screenshots of the editor with the seed example, at 1280×800 and 1024×640, under Xvfb.

    python scripts/screenshot.py [--out DIR] [--readme]

Runs the real app on a private X server (xvfb-run), waits until the preview has painted, and
saves PNGs. ``--readme`` also writes the 1280×800 one to docs/screenshot.png for README.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SIZES = [(1280, 800), (1024, 640)]

CHILD = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from postdesk.ui.app import prepare_web_engine
prepare_web_engine()
from postdesk.ui.main_window import MainWindow
from postdesk.ui.qt_app import create_application
width, height, out, home = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
app = create_application(sys.argv[:1])
window = MainWindow.create(home, None)
window.resize(width, height)
window.show()
window.start()
def shoot(number, seconds):
    QTimer.singleShot(400, lambda: (window.grab().save(str(out)), app.quit()))
window.preview_painted.connect(shoot)
QTimer.singleShot(30000, lambda: (print("the preview never painted", file=sys.stderr), app.exit(1)))
sys.exit(app.exec())
"""


def shoot(width: int, height: int, out: Path) -> None:
    """One screenshot of a fresh first start, at one window size."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        command = [
            "xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24",
            sys.executable, "-c", CHILD, str(width), str(height), str(out), home,
        ]  # fmt: skip
        subprocess.run(command, check=True, env=env, timeout=120)


def main() -> int:
    """Take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--readme", action="store_true", help="also update docs/screenshot.png")
    args = parser.parse_args()
    if not shutil.which("xvfb-run"):
        print("screenshot.py: xvfb-run is missing (Debian package xvfb)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        target = args.out / f"postdesk-{width}x{height}.png"
        shoot(width, height, target)
        print(target)
    if args.readme:
        docs = REPO / "docs"
        docs.mkdir(exist_ok=True)
        shutil.copy(args.out / "postdesk-1280x800.png", docs / "screenshot.png")
        print(docs / "screenshot.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
