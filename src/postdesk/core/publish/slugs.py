"""URL slugs and file names made from titles."""

from __future__ import annotations

import hashlib

from slugify import slugify as transliterated_slug

#: WordPress allows 200 characters; room is left for its own "-2" and the poster suffixes.
MAX_LENGTH = 180


def slugify(title: str) -> str:
    """A readable URL slug: "Trailer Park Tuesday, 1 Mile" → "trailer-park-tuesday-1-mile".

    Any script is transliterated ("Крик" → "krik", "Łódź Story" → "lodz-story"). The slug
    is how a retried publish finds its post, so two different titles must not share one: a
    title with nothing to transliterate (only emoji, say) gets a short digest of itself.
    """
    slug = transliterated_slug(title, max_length=MAX_LENGTH, word_boundary=True)
    if slug:
        return slug
    if not title.strip():
        return "post"
    return "post-" + hashlib.sha256(title.strip().encode("utf-8", "surrogatepass")).hexdigest()[:10]
