"""A light touch on the platform style: field marks and hints, in the palette's colours."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QWidget

STYLE = """
QLabel#hint, QLabel#fieldNote {{ color: {muted}; }}
QLabel#fieldNote {{ color: {error}; }}
*[invalid="true"] {{ border: 1px solid {error}; border-radius: 3px; }}
QLabel#posterThumbnail {{ color: {muted}; border: 1px dashed {muted}; min-height: 80px; }}
"""


def apply_style(window: QWidget) -> None:
    """Style the window's own widgets; everything else keeps the system look."""
    palette = window.palette()
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    window.setStyleSheet(
        STYLE.format(
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            error="#ff8a80" if dark else "#b3261e",
        )
    )
