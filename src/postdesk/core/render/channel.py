"""The line between the window and its early render worker: pickled messages on two pipes.

A spawned worker talks through :mod:`multiprocessing`'s ``Connection``; the worker started
with the editor (:mod:`postdesk.core.render.early_worker`) talks through this
:class:`PipeChannel` instead, which has the same four methods. Importing
``multiprocessing.connection`` (it brings ``subprocess``, ``tempfile`` and more) cost the
window's render thread about 15 ms, just before the first preview's request could go out;
a socket pair cost the window about 5 ms before its first frame (the :mod:`socket` module
builds its enumerations on import). Two pipes need nothing but :mod:`os`.

Each message is its pickle, preceded by the pickle's length in 8 bytes, big-endian.
"""

from __future__ import annotations

import math
import os
import pickle
import select
import struct
from typing import Any, Protocol

_LENGTH = struct.Struct("!Q")
_CHUNK = 1024 * 1024


class Channel(Protocol):
    """What :class:`~postdesk.core.render.bounded.RenderProcess` needs of its worker's line."""

    def send(self, obj: Any) -> None:
        """Send one message."""

    def recv(self) -> Any:
        """Wait for the next message; ``EOFError`` once the other end is gone."""

    def poll(self, timeout: float) -> bool:
        """Whether a message (or the other end's going) arrives within ``timeout`` seconds."""

    def close(self) -> None:
        """Close this end."""


class PipeChannel:
    """One end of a two-way line made of two pipes, speaking in whole messages.

    ``read_fd`` is the reading end of one pipe, ``write_fd`` the writing end of the other.
    Each process must hold only its own end's descriptors: a pipe reads as ended only once
    every copy of its writing end is closed.
    """

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._read_fd = read_fd
        self._write_fd = write_fd

    def send(self, obj: Any) -> None:
        """Send ``obj`` pickled (``OSError`` if the other end is gone)."""
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self._write(_LENGTH.pack(len(data)))
        self._write(data)

    def recv(self) -> Any:
        """The next message; ``EOFError`` once the other end has closed."""
        (length,) = _LENGTH.unpack(self._read(_LENGTH.size))
        return pickle.loads(self._read(length))

    def poll(self, timeout: float) -> bool:
        """Whether there is something to read (a message, or the end) within ``timeout`` s."""
        poller = select.poll()
        poller.register(self._read_fd, select.POLLIN)
        return bool(poller.poll(math.ceil(max(timeout, 0) * 1000)))

    def close(self) -> None:
        """Close this end: the other end reads the end of the line (closing twice is harmless)."""
        for fd in (self._read_fd, self._write_fd):
            if fd >= 0:
                os.close(fd)
        self._read_fd = self._write_fd = -1

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            view = view[os.write(self._write_fd, view[:_CHUNK]) :]

    def _read(self, size: int) -> bytearray:
        buffer = bytearray(size)
        view = memoryview(buffer)
        received = 0
        while received < size:
            count = os.readv(self._read_fd, [view[received : received + _CHUNK]])
            if count == 0:
                raise EOFError("the other end closed the line")
            received += count
        return buffer
