"""The window's own colours (hints, problem notes) come from the palette, light or dark."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

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
