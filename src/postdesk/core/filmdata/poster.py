"""Saving a found poster next to the draft, so the draft keeps working offline."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

from postdesk.core.atomic import write_atomic
from postdesk.core.filmdata.web import WebClient


def poster_file_name(title: str, url: str) -> str:
    """A file name from the film's title and the image's own extension: ``1-mile-to-you.jpg``."""
    suffix = Path(urlparse(url).path).suffix.lower() or ".jpg"
    stem = re.sub(r"[^\w]+", "-", title.casefold()).strip("-") or "poster"
    return f"{stem}{suffix}"


def download_poster(client: WebClient, url: str, title: str, folder: Path) -> str:
    """Download the poster into ``folder`` and return its name, relative to the draft."""
    name = poster_file_name(title, url)
    data = client.get_bytes(url)
    folder.mkdir(parents=True, exist_ok=True)
    write_atomic(folder / name, data)
    return name
