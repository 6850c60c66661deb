"""A light touch on the platform style: hints, problem notes and marks, in the palette's colours.

Only the widgets concerned are styled, each on its own: a style sheet on the window would put
every widget through Qt's style-sheet engine, which cost about 15 ms of the window's start
(median of 12 interleaved starts: 18 ms less from Qt's import to the first frame without it).
Hints and notes get a palette colour; the red frame of a field with a problem and the
poster's dashed frame get a style sheet of their own.

The colours are taken from the palette, never fixed: hints use its placeholder colour, and the
error red is picked to read on the palette's window colour. When the desktop switches between
light and dark, each styled widget styles itself again (:class:`_PaletteFollower`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

#: A field with a problem: the editor's own style sheet, set only while the problem lasts.
INVALID_FRAME = '*[invalid="true"] {{ border: 1px solid {error}; border-radius: 3px; }}'
#: The poster thumbnail's frame, around the picture or the "No poster" words.
THUMBNAIL_FRAME = "QLabel {{ color: {muted}; border: 1px dashed {muted}; min-height: 80px; }}"
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


def style_hint(label: QLabel) -> None:
    """Write ``label`` in the muted colour of hints."""
    _PaletteFollower(label, _tint(muted_colour))


def style_note(label: QLabel) -> None:
    """Write ``label`` in the error red of problem notes."""
    _PaletteFollower(label, _tint(error_colour))


def style_thumbnail(label: QLabel) -> None:
    """The poster thumbnail's dashed frame, in the muted colour."""
    _PaletteFollower(label, _sheet(THUMBNAIL_FRAME), by_parent=True)


def mark_invalid(editor: QWidget, invalid: bool) -> None:
    """Frame ``editor`` in red while ``invalid`` (its ``invalid`` property says so too)."""
    marked = editor.property("invalid")  # None until the first mark
    if marked is not None and bool(marked) == invalid:
        return  # restyling costs milliseconds per field
    editor.setProperty("invalid", invalid)
    if marked is None:
        _PaletteFollower(editor, _frame_if_invalid, by_parent=True)
    else:
        _frame_if_invalid(editor)


def _tint(colour_of: Callable[[QPalette], QColor]) -> Callable[[QWidget], None]:
    """A restyle that writes a widget's text in the colour ``colour_of`` picks from its palette."""

    def restyle(widget: QWidget) -> None:
        colour = colour_of(widget.palette())
        if widget.palette().color(QPalette.ColorRole.WindowText) != colour:
            palette = QPalette()  # no role set but this one: the rest follows the window
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            widget.setPalette(palette)

    return restyle


def _sheet(template: str) -> Callable[[QWidget], None]:
    """A restyle that gives a widget ``template``, filled in with its palette's colours."""

    def restyle(widget: QWidget) -> None:
        _set_sheet(widget, _filled(template, _surroundings(widget)))

    return restyle


def _frame_if_invalid(editor: QWidget) -> None:
    invalid = bool(editor.property("invalid"))
    _set_sheet(editor, _filled(INVALID_FRAME, _surroundings(editor)) if invalid else "")


def _surroundings(widget: QWidget) -> QPalette:
    """The palette around ``widget``: its own changes with a style sheet's ``color``."""
    parent = widget.parentWidget()
    return (parent or widget).palette()


def _filled(template: str, palette: QPalette) -> str:
    return template.format(muted=muted_colour(palette).name(), error=error_colour(palette).name())


def _set_sheet(widget: QWidget, sheet: str) -> None:
    if sheet != widget.styleSheet():  # each change re-polishes the widget
        widget.setStyleSheet(sheet)


class _PaletteFollower(QObject):
    """Styles its widget now, and again whenever the palette around it changes.

    A widget with a style sheet of its own hears of no palette change (the sheet fixed its
    palette), so such a widget is restyled when its parent's palette changes.
    """

    def __init__(
        self, widget: QWidget, restyle: Callable[[QWidget], None], *, by_parent: bool = False
    ) -> None:
        super().__init__(widget)
        self._widget, self._restyle = widget, restyle
        watched = widget.parentWidget() if by_parent else None
        (watched or widget).installEventFilter(self)
        restyle(widget)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Qt's hook: a light or dark switch arrives as a palette change."""
        if event.type() in PALETTE_EVENTS:
            self._restyle(self._widget)
        return False
