"""The wavy red line a one-line field draws under its misspelt words.

Loaded the first time a field has a misspelt word to draw, not before the window's frame.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainter, QPainterPath, QPen, QTextLayout, QTextLine
from PySide6.QtWidgets import QLineEdit

from postdesk.ui.spellcheck import UNDERLINE

#: QLineEdit's cursor rectangle starts this many pixels left of the cursor (Qt's rectForPos).
CURSOR_RECT_LEFT = 5
WAVE_STEP = 2.0


def draw_underlines(field: QLineEdit, spans: list[tuple[int, int]]) -> None:
    """Underline each (start, end) character span of ``field``'s text, over its painting."""
    painter = QPainter(field)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(UNDERLINE, 1.2))
    painter.setClipRect(field.rect().adjusted(2, 0, -2, 0))
    for start, end, y in _underlines(field, spans):
        painter.drawPath(_wave(start, end, y))
    painter.end()


def _underlines(field: QLineEdit, spans: list[tuple[int, int]]) -> list[tuple[float, float, float]]:
    """Where each span is drawn: left and right x, and the underline's y."""
    layout = QTextLayout(field.text(), field.font())
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    cursor = field.cursorRect()
    # The text is scrolled so the cursor shows: place words relative to the cursor.
    origin = cursor.x() + CURSOR_RECT_LEFT - _x(line, field.cursorPosition())
    y = cursor.y() + field.fontMetrics().ascent() + 2.5
    return [(origin + _x(line, start), origin + _x(line, end), y) for start, end in spans]


def _wave(start: float, end: float, y: float) -> QPainterPath:
    """A zigzag from ``start`` to ``end``, the spell-check underline of word processors."""
    path = QPainterPath(QPointF(start, y))
    x, up = start, True
    while x < end:
        x = min(x + WAVE_STEP, end)
        path.lineTo(QPointF(x, y - 1.5 if up else y))
        up = not up
    return path


def _x(line: QTextLine, position: int) -> float:
    """Where ``position`` falls on ``line``, in pixels (the bindings return a tuple)."""
    found = line.cursorToX(position)
    x = found[0] if isinstance(found, tuple) else found
    return float(x) if isinstance(x, int | float) else 0.0
