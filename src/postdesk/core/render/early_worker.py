"""A render worker forked as the editor starts, so its first preview never waits for one.

Spawning a worker (:mod:`postdesk.core.render.bounded`) means loading :mod:`multiprocessing`
in the window's process and starting a fresh interpreter: about 40 ms of the window's own
time and 300 ms until the worker is ready. Forked at the very start instead, while the process
is small and runs no thread and no Qt, the worker loads the rendering stack on another core
while the window is built, and the window pays for one ``fork``.

Linux only: elsewhere (and whenever a thread already runs, where forking is unsafe) nothing is
forked and the window spawns its worker as before. Only the first worker is forked; one
started later (after a template ran over its limit) is spawned, because by then Qt's threads
run in the window's process.

This module imports nothing heavy: it runs before anything else of the editor is loaded.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import socket

_EARLY: EarlyWorker | None = None


class EarlyWorker:
    """The forked worker: its pid, and the parent's end of their socket pair.

    Has the methods :class:`RenderProcess` uses of a ``multiprocessing.Process``.
    """

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self.sock = sock
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        """Whether the worker still runs (a finished one is reaped)."""
        return self.exitcode is None and not self._reaped(os.WNOHANG)

    def kill(self) -> None:
        """End the worker at once."""
        if self.exitcode is None:
            with contextlib.suppress(ProcessLookupError):  # already gone
                os.kill(self.pid, signal.SIGKILL)

    def join(self, timeout: float | None = None) -> None:
        """Wait for the worker to end (at most ``timeout`` seconds), and reap it."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.exitcode is None and not self._reaped(os.WNOHANG):
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)

    def _reaped(self, flags: int) -> bool:
        try:
            pid, status = os.waitpid(self.pid, flags)
        except ChildProcessError:  # reaped elsewhere
            self.exitcode = -1
            return True
        if pid == 0:
            return False
        self.exitcode = os.waitstatus_to_exitcode(status)
        return True


def fork_worker() -> bool:
    """Fork the render worker now, if this platform and moment allow it (see the module).

    Returns whether a worker was forked; :func:`take` hands it to the first renderer.
    """
    global _EARLY
    if not _may_fork():
        return False
    import socket  # the worker's end of the pair must be a socket: it reads and writes

    try:
        ours, theirs = socket.socketpair()
    except OSError:  # out of file descriptors: the window spawns its worker later
        return False
    try:
        pid = os.fork()
    except OSError:  # out of processes or memory: likewise
        ours.close()
        theirs.close()
        return False
    if pid == 0:
        ours.close()
        _serve(theirs)  # never returns
    theirs.close()
    _EARLY = EarlyWorker(pid, ours)
    return True


def forked() -> bool:
    """Whether a forked worker waits to be taken."""
    return _EARLY is not None


def take() -> EarlyWorker | None:
    """The forked worker, once (the first renderer adopts it); ``None`` afterwards."""
    global _EARLY
    early, _EARLY = _EARLY, None
    return early


def _may_fork() -> bool:
    if not sys.platform.startswith("linux") or _EARLY is not None:
        return False
    if "PySide6.QtCore" in sys.modules:
        return False  # Qt may have started threads of its own
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _serve(sock: socket.socket) -> None:
    """The forked child: serve renders on ``sock`` until the window's end closes, then exit."""
    code = 1
    gc.enable()  # the editor pauses its collector while it starts; the worker need not
    try:
        from postdesk.core.render.bounded import serve
        from postdesk.core.render.channel import SocketChannel

        serve(SocketChannel(sock))
        code = 0
    finally:
        os._exit(code)  # never back into the editor's start-up code
