"""Posters a hostile draft can name: private files, renamed text, devices, a huge file."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import SEED_DRAFT

SECRET = "hunter2-do-not-send"
JPEG_HEAD = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"


def hostile_posters(root: Path) -> dict[str, str]:
    """Name → poster as written in a draft kept at ``root/drafts/a/b/``."""
    secret = root / "drafts" / "secret"
    secret.mkdir(parents=True, exist_ok=True)
    (secret / "passwords.txt").write_text(f"mail: {SECRET}\n")
    folder = root / "drafts" / "a" / "b"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "renamed.jpg").write_text(f"not a picture but {SECRET}\n")
    with (folder / "huge.jpg").open("wb") as huge:  # a real JPEG start, then 21 MB (sparse)
        huge.write(JPEG_HEAD)
        huge.truncate(21 * 1024 * 1024)
    os.mkfifo(folder / "pipe.jpg")
    return {
        "private file": "../../secret/passwords.txt",
        "system file": "/etc/passwd",
        "process environment": "/proc/self/environ",
        "text renamed .jpg": "renamed.jpg",
        "huge file": "huge.jpg",
        "named pipe": "pipe.jpg",
        "device": "/dev/zero",
    }


REASONS = {
    "private file": "is not a JPEG, PNG, WebP or GIF image",
    "system file": "is not a JPEG, PNG, WebP or GIF image",
    "process environment": "is not a JPEG, PNG, WebP or GIF image",
    "text renamed .jpg": "is not a JPEG, PNG, WebP or GIF image",
    "huge file": "is larger than 20 MB, too big for a poster",
    "named pipe": "is not a regular file",
    "device": "is not a regular file",
}


def hostile_draft(root: Path, poster: str, name: str = "hostile.postdesk") -> Path:
    """The seed draft with ``poster``, saved where :func:`hostile_posters` expects it."""
    data = json.loads(SEED_DRAFT.read_text(encoding="utf-8"))
    data["film"]["poster"] = poster
    path = root / "drafts" / "a" / "b" / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
