"""The poster file: an image by its content, or nothing leaves the computer.

A draft names its poster by path, and a draft can come from anyone. Without this check a
poster of ``../../secret/passwords.txt`` or ``/etc/passwd`` would be uploaded to the blog (and
made public) or inlined into an exported page. So every reader of the poster goes through
here: it must be a regular file, no bigger than :data:`MAX_POSTER_BYTES`, whose first bytes
are those of a JPEG, PNG, WebP or GIF image. The file extension proves nothing.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

#: Far above any real poster (TMDB's originals are a few MB); keeps a huge file off the wire.
MAX_POSTER_BYTES = 20 * 1024 * 1024
KINDS = "a JPEG, PNG, WebP or GIF image"
_HEAD_BYTES = 16
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class PosterError(Exception):
    """A poster postdesk refuses to read or send; ``str()`` says why, naming the file."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path} {reason}")


@dataclass(frozen=True)
class PosterImage:
    """A poster read once and checked: the bytes that will be sent, and their real type."""

    path: Path
    data: bytes
    mime: str
    extension: str


def image_type(head: bytes) -> tuple[str, str] | None:
    """The MIME type and extension the first bytes of a file show, if it is an allowed image."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg", ".jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png", ".png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif", ".gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def read_poster(path: Path, limit: int = MAX_POSTER_BYTES) -> PosterImage:
    """Read and check the poster in one opening, so what is checked is what is sent.

    Raises:
        PosterError: missing, not a regular file, empty, too big, or not an allowed image.
    """
    data = _read(path, limit, limit + 1)
    if len(data) > limit:  # /proc files report a size of 0: count what was read
        raise PosterError(path, _too_big(limit))
    return _checked(path, data)


def poster_refusal(path: Path, limit: int = MAX_POSTER_BYTES) -> str | None:
    """Why ``path`` is refused as a poster (a sentence naming it), or ``None`` if it is fine.

    Reads only the first bytes, so the form can ask on every edit.
    """
    try:
        _checked(path, _read(path, limit, _HEAD_BYTES))
    except PosterError as err:
        return str(err)
    return None


def _read(path: Path, limit: int, amount: int) -> bytes:
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer.
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError:
        raise PosterError(path, "does not exist") from None
    except OSError as err:
        raise PosterError(path, f"cannot be read ({err.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise PosterError(path, f"is not a regular file, so it cannot be {KINDS}")
        if info.st_size > limit:
            raise PosterError(path, _too_big(limit))
        os.set_blocking(fd, True)
        return _read_up_to(fd, amount)
    except OSError as err:
        raise PosterError(path, f"cannot be read ({err.strerror})") from None
    finally:
        os.close(fd)


def _read_up_to(fd: int, amount: int) -> bytes:
    chunks: list[bytes] = []
    left = amount
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _checked(path: Path, data: bytes) -> PosterImage:
    if not data:
        raise PosterError(path, f"is empty, not {KINDS}")
    kind = image_type(data[:_HEAD_BYTES])
    if kind is None:
        raise PosterError(path, f"is not {KINDS} (judged by its content, not its name)")
    return PosterImage(path, data, kind[0], kind[1])


def _too_big(limit: int) -> str:
    return f"is larger than {limit // (1024 * 1024)} MB, too big for a poster"
