"""The HTTP side of both engines' clients: time-outs, and retries of idempotent requests only.

Only GET, HEAD, PUT, DELETE and OPTIONS are retried by the transport, with backoff, on
connection errors, time-outs and 502/503/504; a create (POST) is never retried blindly: the
publish flow looks the post up first.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import ConnectionPool
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

import postdesk

DEFAULT_TIMEOUT = (5.0, 30.0)
UPLOAD_TIMEOUT = (5.0, 120.0)
MAX_RETRY_AFTER = 10.0
SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})


class _Retry(Retry):
    """urllib3's Retry, except that a blog asking to wait long is not waited for.

    WordPress's maintenance mode answers 503 with ``Retry-After: 600``: three retries would
    hold the publish for half an hour. Its 503 is reported at once instead.
    """

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        """Give up now when the answer asks for more than :data:`MAX_RETRY_AFTER` seconds."""
        wait = self.get_retry_after(response) if response is not None else None
        if wait is not None and wait > MAX_RETRY_AFTER and _pool is not None:
            raise urllib3.exceptions.MaxRetryError(_pool, url or "")
        return super().increment(method, url, response, error, _pool, _stacktrace)


def _retry_policy(total: int) -> Retry:
    return _Retry(
        total=total,
        connect=total,
        read=total,
        status=total,
        backoff_factor=0.5,
        status_forcelist=(502, 503, 504),
        allowed_methods=SAFE_METHODS,
        raise_on_status=False,
        respect_retry_after_header=True,
    )


def build_session(retries: int = 3) -> requests.Session:
    """A session that retries idempotent requests only."""
    session = requests.Session()
    session.headers["User-Agent"] = f"postdesk/{postdesk.__version__}"
    adapter = HTTPAdapter(max_retries=_retry_policy(retries))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def timed_out(error: requests.RequestException) -> bool:
    """Whether the blog was too slow, also when the retries ran out on time-outs."""
    if isinstance(error, requests.Timeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(reason, urllib3.exceptions.NewConnectionError):
        return False  # refused or unreachable (urllib3 files it under time-outs)
    return isinstance(reason, urllib3.exceptions.TimeoutError)
