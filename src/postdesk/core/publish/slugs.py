"""URL slugs and file names made from titles."""

from __future__ import annotations

import re
import unicodedata


def slugify(title: str) -> str:
    """A readable URL slug: "Trailer Park Tuesday, 1 Mile" → "trailer-park-tuesday-1-mile"."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return slug[:180].rstrip("-") or "post"
