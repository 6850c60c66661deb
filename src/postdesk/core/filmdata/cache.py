"""Answers from film sources kept on disk for a day, so filling the same film again is free."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path
from typing import Any

from postdesk.core.atomic import write_atomic

#: A day: film facts change rarely, but a film about to come out gains dates and a trailer.
MAX_AGE_SECONDS = 24 * 60 * 60


class AnswerCache:
    """JSON answers keyed by the request that produced them (never by the token)."""

    def __init__(self, folder: Path, max_age: float = MAX_AGE_SECONDS) -> None:
        self.folder = folder
        self.max_age = max_age

    def _file(self, key: str, suffix: str = ".json") -> Path:
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / digest[:2] / f"{digest}{suffix}"

    def get(self, key: str) -> Any | None:
        """The stored answer, or ``None`` when there is none, it is stale or unreadable."""
        data = self._read(self._file(key))
        try:
            return None if data is None else json.loads(data.decode("utf-8"))
        except ValueError:
            return None

    def put(self, key: str, answer: Any) -> None:
        """Keep an answer; a cache that cannot be written only costs a repeated request."""
        self._write(self._file(key), json.dumps(answer, ensure_ascii=False).encode("utf-8"))

    def get_bytes(self, key: str) -> bytes | None:
        """A stored file (a poster or thumbnail), or ``None``."""
        return self._read(self._file(key, ".bin"))

    def put_bytes(self, key: str, data: bytes) -> None:
        """Keep a downloaded file for a day."""
        self._write(self._file(key, ".bin"), data)

    def _read(self, path: Path) -> bytes | None:
        try:
            if time.time() - path.stat().st_mtime > self.max_age:
                return None
            return path.read_bytes()
        except OSError:
            return None

    def _write(self, path: Path, data: bytes) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, data)
        except OSError:
            return
