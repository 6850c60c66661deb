#!/usr/bin/env python3
"""Screenshots of the editor with the seed example, at 1280×800 and 1024×640, under Xvfb.

    python scripts/screenshot.py [--out DIR] [--readme] [--dark] [--state STATE]

Runs the real app on a private X server (xvfb-run), waits until the preview has painted, and
saves PNGs of the whole screen (so open menus and suggestion lists are in the picture).
``--readme`` also copies the 1280×800 one into docs/ for README.md (docs/screenshot.png,
docs/dark.png with ``--dark``, docs/spellcheck.png, docs/venue.png). ``--dark`` asks for the
dark colour scheme, as a dark desktop theme does (Fusion follows it with its dark palette,
and the preview sees ``prefers-color-scheme: dark``). ``--state`` shows more than the start:

- ``spelling``: a misspelt word in the synopsis, underlined, with its right-click menu open;
- ``venue``: a new release typed in ("March 11", "SXSW"): the venue suggestions and, beside
  the venue, the phrase the post will use ("at SXSW on March 11th").
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
from PySide6.QtCore import QPoint, QTimer
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
draft = Path(sys.argv[7]) if sys.argv[7] else None
window = MainWindow.for_user(home, draft)
window.resize(width, height)
window.show()
window.start()
state = sys.argv[6]


def grab():
    screen = QGuiApplication.primaryScreen().grabWindow(0)  # menus and popups included
    screen.copy(0, 0, width, height).save(str(out))
    app.exit(0)  # quit() waits for an open popup to close


def show_spelling():
    from PySide6.QtWidgets import QScrollArea
    from postdesk.ui.spellcheck import shared_checker
    film = window.form.film
    window.form.setCurrentWidget(window.form.widget(0))
    synopsis = film.synopsis
    area = synopsis.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(synopsis, 0, 40)
    text = synopsis.toPlainText()
    cursor = synopsis.textCursor()
    cursor.setPosition(text.index(sys.argv[8]) + 2)
    synopsis.setTextCursor(cursor)
    synopsis.setFocus()
    shared_checker().start()

    def open_menu():
        rect = synopsis.cursorRect(cursor)
        menu = synopsis.spelling_menu(rect.bottomLeft())
        menu.popup(synopsis.viewport().mapToGlobal(rect.bottomLeft()) + QPoint(0, 8))
        QTimer.singleShot(600, grab)

    QTimer.singleShot(1500, open_menu)


def show_venue():
    from PySide6.QtTest import QTest
    window.form.setCurrentWidget(window.form.widget(1))
    releases = window.form.credits.releases
    releases.add_button.click()
    row = releases._rows[-1]
    area = releases.parentWidget()
    while area is not None and not hasattr(area, "ensureWidgetVisible"):
        area = area.parentWidget()
    if area is not None:
        area.ensureWidgetVisible(releases.add_button, 0, 200)
    row.date.line.setText("March 11")
    row.date.line.textEdited.emit("March 11")

    def type_venue():  # once the new row is laid out, so the suggestions open under it
        row.where.setFocus()
        QTest.keyClicks(row.where, "SXSW")
        QTimer.singleShot(900, grab)

    QTimer.singleShot(400, type_venue)


def shoot(number):
    window.preview_painted.disconnect(shoot)
    if state == "spelling":
        QTimer.singleShot(300, show_spelling)
    elif state == "venue":
        QTimer.singleShot(300, show_venue)
    else:  # the page's first frame reaches the screen a moment after it reports its paint
        QTimer.singleShot(1500, grab)


window.preview_painted.connect(shoot)
QTimer.singleShot(90000, lambda: (print("the preview never painted", file=sys.stderr), app.exit(1)))
sys.exit(app.exec())
"""


#: The word misspelt in the seed's synopsis for the spelling picture, and its wrong spelling.
MISSPELT = ("tragic accident", "tragic acident")
DOCS_NAMES = {("window", False): "screenshot.png", ("window", True): "dark.png",
              ("spelling", False): "spellcheck.png", ("venue", False): "venue.png"}  # fmt: skip


def _draft_with_a_typo(folder: Path) -> Path:
    """A copy of the seed draft (and its poster) with one misspelt word in the synopsis."""
    examples = REPO / "resources" / "examples"
    seed = examples / "01-1-mile-to-you.postdesk"
    shutil.copy(examples / "1-mile-to-you.jpg", folder / "1-mile-to-you.jpg")
    draft = folder / "1-mile-to-you.postdesk"
    draft.write_text(seed.read_text(encoding="utf-8").replace(*MISSPELT, 1), encoding="utf-8")
    return draft


def shoot(width: int, height: int, out: Path, scheme: str = "light", state: str = "window") -> None:
    """One screenshot of a fresh first start, at one window size, in one state."""
    with tempfile.TemporaryDirectory() as home:
        draft = _draft_with_a_typo(Path(home)) if state == "spelling" else None
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        command = [
            "xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24",
            sys.executable, "-c", CHILD, str(width), str(height), str(out), home, scheme,
            state, str(draft or ""), MISSPELT[1].split()[-1],
        ]  # fmt: skip
        subprocess.run(command, check=True, env=env, timeout=120)


def main() -> int:
    """Take the screenshots."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "screenshots")
    parser.add_argument("--readme", action="store_true", help="also update the picture in docs/")
    parser.add_argument("--dark", action="store_true", help="a dark desktop colour scheme")
    parser.add_argument("--state", choices=["window", "spelling", "venue"], default="window")
    args = parser.parse_args()
    if not shutil.which("xvfb-run"):
        print("screenshot.py: xvfb-run is missing (Debian package xvfb)", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    scheme = "dark" if args.dark else "light"
    suffix = ("" if args.state == "window" else f"-{args.state}") + ("-dark" if args.dark else "")
    sizes = SIZES if args.state == "window" else SIZES[:1]
    for width, height in sizes:
        target = args.out / f"postdesk-{width}x{height}{suffix}.png"
        shoot(width, height, target, scheme, args.state)
        print(target)
    if args.readme:
        docs = REPO / "docs"
        docs.mkdir(exist_ok=True)
        name = DOCS_NAMES.get((args.state, args.dark), f"{args.state}{suffix}.png")
        shutil.copy(args.out / f"postdesk-1280x800{suffix}.png", docs / name)
        print(docs / name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
