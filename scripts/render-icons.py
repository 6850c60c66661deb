#!/usr/bin/env python3
"""Render resources/icons/postdesk.svg to the PNG sizes a desktop expects (run after editing it).

The PNGs are source assets, committed beside the SVG: a bundle or a desktop without an SVG
renderer still gets a sharp icon.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    """Write png/postdesk-SIZE.png for every size."""
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "postdesk.svg"))
    if not renderer.isValid():
        print("render-icons.py: the SVG does not parse", file=sys.stderr)
        return 1
    (ICONS / "png").mkdir(exist_ok=True)
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / "png" / f"postdesk-{size}.png"))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
