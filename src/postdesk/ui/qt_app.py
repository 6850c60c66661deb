"""The QApplication: its names, and what QtWebEngine needs before it exists.

Its icon is set once the first preview has painted (``startup.set_application_icon``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from postdesk import APP_ID, APP_NAME


def create_application(argv: list[str]) -> QApplication:
    """The application object, or the existing one (tests create it first)."""
    # Set before the QApplication exists, so QtWebEngine can be loaded after the window shows.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("postdesk")
    app.setOrganizationName(APP_NAME)
    QGuiApplication.setDesktopFileName(APP_ID)
    return app
