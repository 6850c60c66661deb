"""A render worker started with the editor, so its first preview never waits for one.

Spawning a worker through :mod:`multiprocessing` (:mod:`postdesk.core.render.bounded`) means
loading multiprocessing in the window's process: about 40 ms of the window's own time, and
300 ms until the worker is ready. Started at the very start instead, with ``posix_spawn``
(nothing to import), a fresh interpreter loads the rendering stack on another core while the
window is built, and the window pays about a millisecond.

Not forked: after a fork the window went on writing to the pages it shared with the child,
and each write copied a page (copy-on-write). Its process took 8,870 page faults before its
first frame against 7,420 when the worker is spawned: about 5 ms of kernel time here. A
spawned worker also inherits nothing it should not (threads, locks, the paused collector).

The worker is the same program (``python -m postdesk``, or the bundle's executable) with
:data:`WORKER_ENV` naming the two pipe descriptors it inherited: ``postdesk.__main__`` serves
renders on them (:func:`serve_if_asked`) before anything else. Where ``posix_spawn`` is missing
(Windows) the window spawns its worker as before. Only the first worker starts this way; one
started later (after a template ran over its limit) is spawned by :mod:`multiprocessing`.

This module imports nothing heavy: it runs before anything else of the editor is loaded.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time

#: Set in the worker's environment only: "READ_FD,WRITE_FD", its ends of the two pipes.
WORKER_ENV = "POSTDESK_RENDER_WORKER"

_EARLY: EarlyWorker | None = None


class EarlyWorker:
    """The early worker: its pid, and the window's ends of the two pipes between them.

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


def start_worker() -> bool:
    """Start the render worker now, where the platform allows it (see the module).

    Returns whether a worker was started; :func:`take` hands it to the first renderer.
    """
    global _EARLY
    if _EARLY is not None or not hasattr(os, "posix_spawn"):
        return False
    fds: list[int] = []
    try:
        fds += os.pipe()  # the window reads, the worker writes
        fds += os.pipe()  # the worker reads, the window writes
        window_reads, worker_writes, worker_reads, window_writes = fds
        pid = _spawn(worker_reads, worker_writes)
    except OSError:  # out of descriptors or processes: the window spawns its worker later
        for fd in fds:
            os.close(fd)
        return False
    os.close(worker_reads)  # only the worker holds its ends: its death reads as end of file
    os.close(worker_writes)
    _EARLY = EarlyWorker(pid, window_reads, window_writes)
    return True


def _spawn(read_fd: int, write_fd: int) -> int:
    """A fresh postdesk process that inherits ``read_fd`` and ``write_fd`` (and no other pipe)."""
    for fd in (read_fd, write_fd):
        os.set_inheritable(fd, True)
    # -P: not the current folder first on sys.path, where a folder named postdesk may be.
    python = [sys.executable, "-P", "-m", "postdesk"]
    program = [sys.executable] if getattr(sys, "frozen", False) else python
    env = {**os.environ, WORKER_ENV: f"{read_fd},{write_fd}"}
    return os.posix_spawn(sys.executable, program, env)


def serve_if_asked() -> None:
    """In a process started by :func:`start_worker`: serve renders, then exit (never returns).

    Anywhere else, return at once.
    """
    fds = os.environ.pop(WORKER_ENV, None)
    if fds is None:
        return
    read_fd, write_fd = (int(fd) for fd in fds.split(","))
    code = 1
    try:
        from postdesk.core.render.bounded import serve
        from postdesk.core.render.channel import PipeChannel

        serve(PipeChannel(read_fd, write_fd))
        code = 0
    finally:
        os._exit(code)


def started() -> bool:
    """Whether an early worker waits to be taken."""
    return _EARLY is not None


def take() -> EarlyWorker | None:
    """The early worker, once (the first renderer adopts it); ``None`` afterwards."""
    global _EARLY
    early, _EARLY = _EARLY, None
    return early
