"""The live preview: the rendered post in QtWebEngine, offline, and never navigating away.

The page is loaded once; after that only its body is replaced, so the scroll position stays
where the blogger left it. Links open in the system browser. Every request that is not for
the page itself, a local file or inline data is blocked, so the preview loads nothing from the
network.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineScript,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from postdesk.ui.paint_reporter import PaintReporter, after_paint_script

log = logging.getLogger(__name__)

ALLOWED_SCHEMES = frozenset({"file", "data", "about", "blob", "qrc"})
#: A blog page shown beside the form: slightly smaller, so more of the post is in view.
ZOOM = 0.85
BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)
UPDATE_SCRIPT = "document.body.innerHTML = {body};"


def page_body(page_html: str) -> str:
    """The inside of a rendered page's ``<body>``."""
    match = BODY.search(page_html)
    return match.group(1) if match else page_html


class OfflineInterceptor(QWebEngineUrlRequestInterceptor):
    """Blocks every request that would leave the machine, and remembers it (for tests)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() not in ALLOWED_SCHEMES:
            info.block(True)
            self.blocked.append(url.toString())


class PreviewPage(QWebEnginePage):
    """A page that shows what it is given and sends clicked links to the browser."""

    link_opened = Signal(QUrl)

    def acceptNavigationRequest(
        self, url: QUrl | str, navigation_type: QWebEnginePage.NavigationType, is_main_frame: bool
    ) -> bool:
        url = QUrl(url)
        if navigation_type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked:
            self._open_externally(url)
            return False
        # setHtml() itself arrives as a data: (or the base file:) navigation; nothing else may.
        return url.scheme() in {"data", "about"} or (
            navigation_type == QWebEnginePage.NavigationType.NavigationTypeTyped
        )

    def createWindow(self, window_type: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        # target="_blank" links: a throwaway page whose first navigation goes to the browser.
        page = PreviewPage(self.profile(), self)
        page.link_opened.connect(self.link_opened)

        def hand_over(url: QUrl) -> None:
            self._open_externally(url)
            page.deleteLater()

        page.urlChanged.connect(hand_over)
        return page

    def _open_externally(self, url: QUrl) -> None:
        if url.scheme() in {"http", "https", "mailto"}:
            self.link_opened.emit(url)
            QDesktopServices.openUrl(url)

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        line: int,
        source: str,
    ) -> None:
        log.debug("preview console: %s", message)


class PreviewView(QWebEngineView):
    """Shows rendered pages; replaces only the body on updates."""

    painted = Signal(int)  # the update number, once the browser has drawn it

    def __init__(self, owner: QObject, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Off the record: no cache or cookies on disk. Owned by the window, so it outlives
        # the page (Qt warns when a profile goes before its pages).
        self.profile_ = QWebEngineProfile(owner)
        self.interceptor = OfflineInterceptor(self)
        self.profile_.setUrlRequestInterceptor(self.interceptor)
        self.preview_page = PreviewPage(self.profile_, self)
        self.setPage(self.preview_page)
        self._configure(self.preview_page.settings())
        self.setAccessibleName("Preview of the post")
        self.setZoomFactor(ZOOM)
        self._loaded = False
        # A body that arrived while a page was loading, and its number: run once loaded.
        self._pending: tuple[str, int] | None = None
        self._sequence = 0
        self.preview_page.loadFinished.connect(self._on_load_finished)
        self.reporter = PaintReporter(self.preview_page)
        self.reporter.painted.connect(self.painted)

    @staticmethod
    def _configure(settings: QWebEngineSettings) -> None:
        attribute = QWebEngineSettings.WebAttribute
        settings.setAttribute(attribute.LocalContentCanAccessRemoteUrls, False)
        settings.setAttribute(attribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(attribute.PluginsEnabled, False)
        settings.setAttribute(attribute.JavascriptCanOpenWindows, False)
        settings.setAttribute(attribute.ErrorPageEnabled, False)
        settings.setAttribute(attribute.LinksIncludedInFocusChain, True)

    def show_page(self, page_html: str, base_dir: Path | None) -> int:
        """Load a whole page (the first time, or after the template changed)."""
        self._sequence += 1
        self._loaded = False
        self._pending = None
        self.reporter.report_next_load(self._sequence)
        base = QUrl.fromLocalFile(str(base_dir) + "/") if base_dir else QUrl("about:blank")
        self.preview_page.setHtml(page_html, base)
        return self._sequence

    def update_body(self, page_html: str) -> int:
        """Replace the shown page's body, keeping the scroll position."""
        self._sequence += 1
        body = page_body(page_html)
        if not self._loaded:
            self._pending = (body, self._sequence)
        else:
            self._run_update(body, self._sequence)
        return self._sequence

    def _run_update(self, body: str, sequence: int) -> None:
        """Replace the body, then report the paint."""
        script = UPDATE_SCRIPT.format(body=json.dumps(body)) + after_paint_script(sequence)
        self.preview_page.runJavaScript(script, QWebEngineScript.ScriptWorldId.ApplicationWorld)

    def _on_load_finished(self, ok: bool) -> None:
        self._loaded = True
        if self._pending:
            body, sequence = self._pending
            self._pending = None
            self._run_update(body, sequence)
