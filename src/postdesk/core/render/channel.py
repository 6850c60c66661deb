"""The line between the window and its forked render worker: pickled messages on a socket.

A spawned worker talks through :mod:`multiprocessing`'s ``Connection``; the worker forked as
the editor starts (:mod:`postdesk.core.render.early_worker`) talks through this
:class:`SocketChannel` instead, which has the same four methods. Importing
``multiprocessing.connection`` (it brings ``subprocess``, ``tempfile`` and more) cost the
window's render thread about 15 ms, just before the first preview's request could go out.

Each message is its pickle, preceded by the pickle's length in 8 bytes, big-endian.
"""

from __future__ import annotations

import math
import pickle
import select
import struct
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import socket

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


class SocketChannel:
    """One end of a connected socket pair, speaking in whole messages."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def send(self, obj: Any) -> None:
        """Send ``obj`` pickled (``OSError`` if the other end is gone)."""
        data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
        self._sock.sendall(_LENGTH.pack(len(data)))
        self._sock.sendall(data)

    def recv(self) -> Any:
        """The next message; ``EOFError`` once the other end has closed."""
        (length,) = _LENGTH.unpack(self._read(_LENGTH.size))
        return pickle.loads(self._read(length))

    def poll(self, timeout: float) -> bool:
        """Whether there is something to read (a message, or the end) within ``timeout`` s."""
        poller = select.poll()
        poller.register(self._sock, select.POLLIN)
        return bool(poller.poll(math.ceil(max(timeout, 0) * 1000)))

    def close(self) -> None:
        """Close this end: the other end reads the end of the line."""
        self._sock.close()

    def _read(self, size: int) -> bytearray:
        buffer = bytearray(size)
        view = memoryview(buffer)
        received = 0
        while received < size:
            count = self._sock.recv_into(view[received:], min(size - received, _CHUNK))
            if count == 0:
                raise EOFError("the other end closed the line")
            received += count
        return buffer
