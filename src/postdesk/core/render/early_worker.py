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
import sys
import time

_EARLY: EarlyWorker | None = None


class EarlyWorker:
    """The forked worker: its pid, and the parent's end of the two pipes between them.

    Has the methods :class:`RenderProcess` uses of a ``multiprocessing.Process``; the pipes
    are read and written through a :class:`~postdesk.core.render.channel.PipeChannel`.
    """

    def __init__(self, pid: int, read_fd: int, write_fd: int) -> None:
        self.pid = pid
        self.read_fd = read_fd
        self.write_fd = write_fd
        self.exitcode: int | None = None

    def is_alive(self) -> bool:
        """Whether the worker still runs (a finished one is reaped)."""
        return self.exitcode is None and not self._reaped(os.WNOHANG)

    def kill(self) -> None:
        """End the worker at once."""
        import signal  # not at the top: it builds enumerations, before the window's first frame

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
    # Two pipes, not a socket pair: the socket module costs the window ~5 ms to import.
    fds: list[int] = []
    try:
        fds += os.pipe()  # the window reads, the worker writes
        fds += os.pipe()  # the worker reads, the window writes
        pid = os.fork()
    except OSError:  # out of descriptors, processes or memory: the window spawns its worker
        for fd in fds:
            os.close(fd)
        return False
    window_reads, worker_writes, worker_reads, window_writes = fds
    if pid == 0:
        os.close(window_reads)
        os.close(window_writes)
        _serve(worker_reads, worker_writes)  # never returns
    os.close(worker_reads)
    os.close(worker_writes)
    _EARLY = EarlyWorker(pid, window_reads, window_writes)
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


def _serve(read_fd: int, write_fd: int) -> None:
    """The forked child: serve renders until the window's end closes, then exit."""
    code = 1
    gc.enable()  # the editor pauses its collector while it starts; the worker need not
    try:
        from postdesk.core.render.bounded import serve
        from postdesk.core.render.channel import PipeChannel

        serve(PipeChannel(read_fd, write_fd))
        code = 0
    finally:
        os._exit(code)  # never back into the editor's start-up code
