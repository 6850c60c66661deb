"""One HTTP client for the film sources: cache, time-outs, 429 with Retry-After, cancel, count."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from typing import Any

import requests

from postdesk import __version__
from postdesk.core.filmdata.cache import AnswerCache
from postdesk.core.filmdata.errors import (
    BrokenAnswerError,
    CancelledError,
    NoNetworkError,
    NothingFoundError,
    RateLimitedError,
    TokenError,
)

#: Wikimedia asks every client to name itself and say how to reach its makers.
USER_AGENT = (
    f"postdesk/{__version__} (film blog editor; https://github.com/postdesk/postdesk) "
    f"python-requests/{requests.__version__}"
)
TIMEOUT_SECONDS = 15.0
#: Longer than this, waiting for a rate limit is worse than telling the blogger.
MAX_RETRY_WAIT = 30.0
MAX_RETRIES = 3


class WebClient:
    """GET JSON for one source, shared by the threads of one fill."""

    def __init__(
        self,
        source: str,
        cache: AnswerCache | None = None,
        timeout: float = TIMEOUT_SECONDS,
        cancel: threading.Event | None = None,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        self.source = source
        self.cache = cache
        self.timeout = timeout
        self.cancel = cancel or threading.Event()
        # Waiting out a rate limit ends at once when the blogger cancels.
        self._sleep = sleep or self.cancel.wait
        self._session = requests.Session()
        self._session.headers["User-Agent"] = USER_AGENT
        self._lock = threading.Lock()
        #: Requests that reached the network (cached answers are not counted), for the benchmark.
        self.requests_made = 0

    def get_json(
        self,
        url: str,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        """The decoded answer to a GET, from the cache when a fresh copy is there."""
        key = requests.Request("GET", url, params=dict(params or {})).prepare().url or url
        if self.cache is not None and (cached := self.cache.get(key)) is not None:
            return cached
        answer = self._fetch(url, params, headers)
        if self.cache is not None:
            self.cache.put(key, answer)
        return answer

    def get_bytes(self, url: str) -> bytes:
        """A file such as a poster, from the cache when a fresh copy is there."""
        if self.cache is not None and (cached := self.cache.get_bytes(url)) is not None:
            return cached
        data = self._send(url, None, None).content
        if self.cache is not None:
            self.cache.put_bytes(url, data)
        return data

    def _fetch(
        self, url: str, params: Mapping[str, str] | None, headers: Mapping[str, str] | None
    ) -> Any:
        response = self._send(url, params, headers)
        try:
            return response.json()
        except ValueError:
            raise BrokenAnswerError(
                f"{self.source} sent an answer postdesk cannot read; try again later"
            ) from None

    def _send(
        self, url: str, params: Mapping[str, str] | None, headers: Mapping[str, str] | None
    ) -> requests.Response:
        for _attempt in range(MAX_RETRIES + 1):
            if self.cancel.is_set():
                raise CancelledError()
            response = self._request(url, params, headers)
            if response.status_code != 429:
                return self._checked(response)
            wait = _retry_after(response)
            if wait is None or wait > MAX_RETRY_WAIT:
                break
            self._sleep(wait)
        raise RateLimitedError(
            f"{self.source} is asking postdesk to slow down (rate limited); try again in a minute"
        )

    def _request(
        self, url: str, params: Mapping[str, str] | None, headers: Mapping[str, str] | None
    ) -> requests.Response:
        with self._lock:
            self.requests_made += 1
        try:
            return self._session.get(
                url, params=dict(params or {}), headers=dict(headers or {}), timeout=self.timeout
            )
        except requests.Timeout:
            raise NoNetworkError(
                f"{self.source} did not answer in time; check your internet connection"
            ) from None
        except requests.RequestException:
            raise NoNetworkError(
                f"cannot reach {self.source}; check your internet connection"
            ) from None

    def _checked(self, response: requests.Response) -> requests.Response:
        status = response.status_code
        if status == 401:
            raise TokenError("TMDB refused the TMDB token: check it in Settings (or set it again)")
        if status == 404:
            raise NothingFoundError(f"{self.source} has no such film")
        if status >= 400:
            raise BrokenAnswerError(
                f"{self.source} answered with an error ({status}); try again later"
            )
        return response


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "1")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
