#!/usr/bin/env python3
"""Screenshots of the editor with the seed example, at 1280×800 and 1024×640, under Xvfb.

    python scripts/screenshot.py [--out DIR] [--readme] [--dark]

Runs the real app on a private X server (xvfb-run), waits until the preview has painted, and
saves PNGs. ``--readme`` also writes the 1280×800 one to docs/screenshot.png for README.md.
``--dark`` asks for the dark colour scheme, as a dark desktop theme does (Fusion follows it
with its dark palette, and the preview sees ``prefers-color-scheme: dark``).
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
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
if sys.argv[5] == "dark":
    QApplication.setStyle("Fusion")
app = create_application(sys.argv[:1])
if sys.argv[5] == "dark":
    app.styleHints().setColorScheme(Qt.ColorScheme.Dark)
    from PySide6.QtGui import QColor, QPalette
    role, palette = QPalette.ColorRole, QPalette()
    for name, colour in [("Window", "#2b2d30"), ("WindowText", "#e6e6e6"), ("Base", "#1e1f22"),
                         ("AlternateBase", "#2b2d30"), ("Text", "#e6e6e6"), ("Button", "#3c3f41"),
                         ("ButtonText", "#e6e6e6"), ("Highlight", "#2f65ca"),
                         ("HighlightedText", "#ffffff"), ("PlaceholderText", "#8c8f94"),
                         ("ToolTipBase", "#3c3f41"), ("ToolTipText", "#e6e6e6"),
                         ("Link", "#7aa7ff"), ("Mid", "#4a4d50"), ("Dark", "#1a1b1d")]:
        palette.setColor(getattr(role, name), QColor(colour))
    app.setPalette(palette)
window = MainWindow.for_user(home, None)
window.resize(width, height)
window.show()
window.start()
def shoot(number):
    QTimer.singleShot(400, lambda: (window.grab().save(str(out)), app.quit()))
window.preview_painted.connect(shoot)
QTimer.singleShot(30000, lambda: (print("the preview never painted", file=sys.stderr), app.exit(1)))
sys.exit(app.exec())
"""


def shoot(width: int, height: int, out: Path, scheme: str = "light") -> None:
    """One screenshot of a fresh first start, at one window size."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        command = [
            "xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24",
            sys.executable, "-c", CHILD, str(width), str(height), str(out), home, scheme,
        ]  # fmt: skip
        subprocess.run(command, check=True, env=env, timeout=120)


def main() -> int:
    """Take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--readme", action="store_true", help="also update docs/screenshot.png")
    parser.add_argument("--dark", action="store_true", help="a dark desktop colour scheme")
    args = parser.parse_args()
    if not shutil.which("xvfb-run"):
        print("screenshot.py: xvfb-run is missing (Debian package xvfb)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        scheme = "dark" if args.dark else "light"
        suffix = "-dark" if args.dark else ""
        target = args.out / f"postdesk-{width}x{height}{suffix}.png"
        shoot(width, height, target, scheme)
        print(target)
    if args.readme:
        docs = REPO / "docs"
        docs.mkdir(exist_ok=True)
        shutil.copy(args.out / "postdesk-1280x800.png", docs / "screenshot.png")
        print(docs / "screenshot.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
