"""postdesk's own application icon, in every size the desktop may ask for."""

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
