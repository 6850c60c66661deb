"""How the preview's page tells Python it has painted: a QWebChannel object, not the title.

The page's own content can neither see nor call it: the channel lives in the application's
isolated script world, which the post's HTML (scripts forbidden by its policy) never reaches.

A whole page reports itself: a script injected when its document is ready counts two frames
and reports the load's number. Waiting for ``loadFinished`` and then asking the page to
report took two more trips between the processes, and the poster's loading: about 30 ms
later for the same paint.
"""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice, QObject, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript

WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
LOAD_SCRIPT = "postdesk-load-painted"
#: Runs when each document is created: connects to the channel once, for every later update.
CONNECT = (
    "window.postdeskReporter = new Promise(resolve => new QWebChannel("
    "qt.webChannelTransport, channel => resolve(channel.objects.reporter)));"
)


def after_paint_script(number: int) -> str:
    """JavaScript reporting update ``number`` once the browser has drawn it (two frames on)."""
    return (
        "requestAnimationFrame(() => requestAnimationFrame(() => "
        f"window.postdeskReporter.then(reporter => reporter.report({number}))));"
    )


class PaintReporter(QObject):
    """Emits ``painted`` with the update number the page reports."""

    painted = Signal(int)

    def __init__(self, page: QWebEnginePage) -> None:
        super().__init__(page)
        channel = QWebChannel(self)
        channel.registerObject("reporter", self)
        page.setWebChannel(channel, WORLD)
        page.scripts().insert(
            _script(
                "postdesk-paint-reporter",
                _channel_library() + CONNECT,
                QWebEngineScript.InjectionPoint.DocumentCreation,
            )
        )
        self._page = page

    def report_next_load(self, number: int) -> None:
        """Have the next page loaded report ``number`` once it has painted."""
        scripts = self._page.scripts()
        for old in scripts.find(LOAD_SCRIPT):
            scripts.remove(old)
        scripts.insert(
            _script(
                LOAD_SCRIPT,
                after_paint_script(number),
                QWebEngineScript.InjectionPoint.DocumentReady,
            )
        )

    @Slot(int)
    def report(self, number: int) -> None:
        """Called from the page."""
        self.painted.emit(number)


def _script(name: str, source: str, point: QWebEngineScript.InjectionPoint) -> QWebEngineScript:
    """A script of postdesk's own, run in the application's world at ``point``."""
    script = QWebEngineScript()
    script.setName(name)
    script.setSourceCode(source)
    script.setInjectionPoint(point)
    script.setWorldId(WORLD)
    return script


def _channel_library() -> str:
    """qwebchannel.js, as Qt ships it in its resources."""
    source = QFile(":/qtwebchannel/qwebchannel.js")
    if not source.open(QIODevice.OpenModeFlag.ReadOnly):
        raise RuntimeError("Qt's qwebchannel.js is missing from this installation")
    return bytes(source.readAll().data()).decode("utf-8")
