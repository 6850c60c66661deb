"""Icons: the desktop theme's when it has them, postdesk's own otherwise."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from postdesk.core.resources import resource


def app_icon() -> QIcon:
    """Postdesk's application icon."""
    icon = QIcon()
    folder = resource("icons")
    svg = folder / "postdesk.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    for png in sorted((folder / "png").glob("postdesk-*.png")):
        icon.addFile(str(png))
    return icon


def themed(name: str, fallback: QIcon | None = None) -> QIcon:
    """A freedesktop theme icon such as ``document-save``, with a fallback."""
    return QIcon.fromTheme(name, fallback or QIcon())
