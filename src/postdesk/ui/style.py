"""A light touch on the platform style: field marks and hints, in the palette's colours.

The colours are taken from the palette, never fixed: hints use its placeholder colour, and
the error red is picked to read on the palette's window colour. When the desktop switches
between light and dark, the window is styled again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

STYLE = """
QLabel#hint, QLabel#fieldNote {{ color: {muted}; }}
QLabel#fieldNote {{ color: {error}; }}
*[invalid="true"] {{ border: 1px solid {error}; border-radius: 3px; }}
QLabel#posterThumbnail {{ color: {muted}; border: 1px dashed {muted}; min-height: 80px; }}
"""
#: Error reds that reach WCAG's 4.5:1 on light and on dark window colours.
ERROR_ON_LIGHT, ERROR_ON_DARK = QColor("#b3261e"), QColor("#ff8a80")
PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def is_dark(palette: QPalette) -> bool:
    """Whether ``palette`` is a dark theme (its window colour is dark)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(palette: QPalette) -> QColor:
    """The red for problems, readable on ``palette``'s window colour."""
    return ERROR_ON_DARK if is_dark(palette) else ERROR_ON_LIGHT


def muted_colour(palette: QPalette) -> QColor:
    """The palette's placeholder colour, made opaque over its window colour.

    Qt's own palettes give it half transparent (black at 50 %): written as ``#rrggbb`` that
    would be plain black, so it is blended as the eye sees it.
    """
    over = palette.color(QPalette.ColorRole.PlaceholderText)
    under = palette.color(QPalette.ColorRole.Window)
    alpha = over.alphaF()
    return QColor.fromRgbF(
        over.redF() * alpha + under.redF() * (1 - alpha),
        over.greenF() * alpha + under.greenF() * (1 - alpha),
        over.blueF() * alpha + under.blueF() * (1 - alpha),
    )


def style_sheet(palette: QPalette) -> str:
    """The window's style sheet in ``palette``'s colours."""
    return STYLE.format(muted=muted_colour(palette).name(), error=error_colour(palette).name())


class _PaletteFollower(QObject):
    """Styles the window again when its palette changes (a light or dark desktop theme)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in PALETTE_EVENTS and isinstance(watched, QWidget):
            _restyle(watched)
        return False


def apply_style(window: QWidget) -> None:
    """Style the window's own widgets; everything else keeps the system look."""
    _restyle(window)
    follower = _PaletteFollower(window)
    window.installEventFilter(follower)


def _restyle(window: QWidget) -> None:
    sheet = style_sheet(window.palette())
    if sheet != window.styleSheet():  # re-polishing every widget costs milliseconds
        window.setStyleSheet(sheet)
