"""The window's own colours (hints, problem notes) come from the palette, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from postdesk.ui.style import ERROR_ON_DARK, ERROR_ON_LIGHT, muted_colour
from tests.ui.conftest import WindowFactory

DARK = {
    QPalette.ColorRole.Window: "#202124",
    QPalette.ColorRole.WindowText: "#e8eaed",
    QPalette.ColorRole.Base: "#2b2c2f",
    QPalette.ColorRole.Text: "#e8eaed",
    QPalette.ColorRole.PlaceholderText: "#9aa0a6",
}


TEXT, WINDOW = QPalette.ColorRole.WindowText, QPalette.ColorRole.Window


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in DARK.items():
        palette.setColor(role, QColor(colour))
    return palette


def shown_colour(label: QLabel) -> QColor:
    """The colour the label's text is drawn in."""
    return label.palette().color(label.foregroundRole())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_hints_and_problem_notes_follow_a_dark_palette_and_stay_readable(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    hint = window.form.post.template_description
    window.form.film.title.clear()
    window.form.film.title.textEdited.emit("")
    note = window.form.fields["film.title"].note
    qtbot.waitUntil(note.isVisible)
    light = window.palette()
    text, background = (light.color(role) for role in (TEXT, WINDOW))
    assert shown_colour(hint) != text  # muted, as the palette's placeholder text is
    assert 3 <= contrast(shown_colour(hint), background) < contrast(text, background)
    assert contrast(shown_colour(note), background) >= 4.5

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(dark_palette())  # the desktop switched to a dark theme
    try:
        background = QColor(DARK[WINDOW])
        muted = QColor(DARK[QPalette.ColorRole.PlaceholderText])
        qtbot.waitUntil(lambda: shown_colour(hint) == muted)
        assert contrast(shown_colour(hint), background) >= 4.5
        assert contrast(shown_colour(note), background) >= 4.5
    finally:
        app.setPalette(light)


def edge_colours(widget: QWidget) -> set[str]:
    """The colours painted down the middle of the widget's left edge."""
    image = widget.grab().toImage()
    middle = image.height() // 2
    return {image.pixelColor(0, y).name() for y in range(middle - 8, middle + 8)}


def frame_stands_out(widget: QWidget, background: QColor) -> bool:
    """Whether a frame is drawn down the left edge, clearly apart from ``background``."""
    return any(
        abs(QColor(colour).lightness() - background.lightness()) >= 40
        for colour in edge_colours(widget)
    )


def test_a_field_with_a_problem_and_the_poster_frame_follow_a_dark_palette(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    title = window.form.film.title
    thumbnail = window.form.film.poster.thumbnail
    assert ERROR_ON_LIGHT.name() not in edge_colours(title)  # no problem: the usual frame
    title.clear()
    title.textEdited.emit("")
    qtbot.waitUntil(lambda: ERROR_ON_LIGHT.name() in edge_colours(title))
    light = window.palette()
    assert shown_colour(thumbnail).name() == muted_colour(light).name()  # "No poster" words
    assert frame_stands_out(thumbnail, light.color(WINDOW))

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(dark_palette())
    try:
        qtbot.waitUntil(lambda: ERROR_ON_DARK.name() in edge_colours(title))
        muted = QColor(DARK[QPalette.ColorRole.PlaceholderText])
        qtbot.waitUntil(lambda: shown_colour(thumbnail).name() == muted.name())
        assert frame_stands_out(thumbnail, QColor(DARK[WINDOW]))
    finally:
        app.setPalette(light)
    title.setText("Dune")
    title.textEdited.emit("Dune")
    qtbot.waitUntil(lambda: ERROR_ON_LIGHT.name() not in edge_colours(title))
