"""A fault-injecting HTTP proxy in front of the real test blog: slow, lost and reset answers.

A real server cannot be asked to lose an answer after doing the work, or to process a request
after the client gave up waiting; this proxy can, while everything else is the real WordPress.
Each connection carries one request (the proxy answers ``Connection: close``); the blog's own
address in response headers (the API ``Link``, redirects) is rewritten to the proxy's, so the
client keeps talking through it.

Faults are matched by method and path fragment, in the order they were added, once each:

* ``drop``: the blog does the work, the answer never reaches the client (connection closed);
* ``reset``: the blog does the work, then the client's connection is reset (RST);
* ``hold_answer``: the blog does the work at once, the answer is held until :meth:`release`;
* ``hold_request``: the request reaches the blog only at :meth:`release` (a slow server that
  processes it after the client's time-out); :attr:`Fault.landed` is set when the blog answered.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import struct
import threading
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urlsplit

ACTIONS = frozenset({"drop", "reset", "hold_answer", "hold_request"})


@dataclass
class Fault:
    """One fault for the next request matching ``method`` and ``path`` (a fragment)."""

    method: str
    path: str
    action: str
    released: threading.Event = field(default_factory=threading.Event)
    landed: threading.Event = field(default_factory=threading.Event)
    hit: threading.Event = field(default_factory=threading.Event)
    after: Fault | None = None

    def matches(self, method: str, target: str) -> bool:
        armed = self.after is None or self.after.hit.is_set()
        return armed and method == self.method and self.path in target


class FaultProxy:
    """The proxy; use as a context manager, point an account at :attr:`url`."""

    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 80)
        self._faults: list[Fault] = []
        self._lock = threading.Lock()
        self.requests: list[tuple[str, str]] = []
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.proxy = self
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for fault in self._faults:
            fault.released.set()
        self._server.shutdown()
        self._server.server_close()

    def add(
        self, method: str, path: str, action: str, *, times: int = 1, after: Fault | None = None
    ) -> Fault:
        """Inject ``action`` into the next ``times`` ``method`` requests to ``path``.

        With ``after``, only requests made once that fault has struck are affected (the
        transport retries a GET three times, so failing a look-up takes ``times=4``).
        """
        assert action in ACTIONS, action
        faults = [Fault(method, path, action, after=after) for _ in range(times)]
        with self._lock:
            self._faults.extend(faults)
        return faults[0]

    def _take(self, method: str, target: str) -> Fault | None:
        with self._lock:
            self.requests.append((method, target))
            for fault in self._faults:
                if not fault.hit.is_set() and fault.matches(method, target):
                    fault.hit.set()
                    return fault
        return None

    def _rewrite(self, head: bytes) -> bytes:
        """The blog's own address in response headers becomes the proxy's."""
        host, port = self.upstream
        return head.replace(f"{host}:{port}".encode(), urlsplit(self.url).netloc.encode())


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: FaultProxy


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        proxy = self.server.proxy
        client: socket.socket = self.request
        request = _read_request(client, proxy.upstream)
        if request is None:
            return
        method, target, raw = request
        fault = proxy._take(method, target)
        if fault is not None and fault.action == "hold_request":
            fault.released.wait()
        answer = _exchange(proxy.upstream, raw)
        if fault is not None:
            fault.landed.set()
            if fault.action == "hold_answer":
                fault.released.wait()
            elif fault.action == "drop":
                client.close()
                return
            elif fault.action == "reset":
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                client.close()
                return
        head, _, body = answer.partition(b"\r\n\r\n")
        with contextlib.suppress(OSError):  # the client gave up waiting, as the fault meant
            client.sendall(proxy._rewrite(head) + b"\r\n\r\n" + body)


def _read_request(
    client: socket.socket, upstream: tuple[str, int]
) -> tuple[str, str, bytes] | None:
    """One HTTP request, with its headers rewritten for the blog and a one-shot connection."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    method, target, _version = lines[0].split(" ", 2)
    headers = [line for line in lines[1:] if line]
    length = 0
    for line in headers:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None
        body += chunk
    kept = [h for h in headers if h.split(":", 1)[0].strip().lower() not in {"connection", "host"}]
    host = f"Host: {upstream[0]}:{upstream[1]}"
    raw = "\r\n".join([lines[0], host, *kept, "Connection: close"]).encode("latin-1")
    return method, target, raw + b"\r\n\r\n" + body


def _exchange(upstream: tuple[str, int], raw: bytes) -> bytes:
    """Send one request to the blog and read its whole answer (it closes the connection)."""
    with socket.create_connection(upstream, timeout=120) as conn:
        conn.sendall(raw)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer
