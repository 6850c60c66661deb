"""The standalone HTML page: the post with its stylesheet, Open Graph tags and film JSON-LD."""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup, escape

import postdesk
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.posters import PosterError, poster_refusal, read_poster
from postdesk.core.render import phrasing
from postdesk.core.render.markdown import render_markdown
from postdesk.core.render.offline import OFFLINE_POLICY
from postdesk.core.render.trailers import parse_video
from postdesk.core.resources import post_stylesheet

#: A poster bigger than this is not inlined: the page would be slow to open and to preview.
MAX_INLINE_POSTER_BYTES = 8 * 1024 * 1024
DESCRIPTION_LENGTH = 200
TAG = re.compile(r"<[^>]+>")


def data_uri(path: Path) -> str | None:
    """The image at ``path`` as a ``data:`` URI, so the exported page carries its poster.

    ``None`` when the file is refused (see :func:`inline_refusal` for why).
    """
    try:
        image = read_poster(path, MAX_INLINE_POSTER_BYTES)
    except PosterError:
        return None
    return f"data:{image.mime};base64,{base64.b64encode(image.data).decode('ascii')}"


def inline_refusal(path: Path) -> str | None:
    """Why the poster at ``path`` cannot go inside an exported page, or ``None``."""
    return poster_refusal(path, MAX_INLINE_POSTER_BYTES)


def plain_description(draft: Draft) -> str:
    """The synopsis as plain text, cut at a word near 200 characters, for meta tags."""
    source = draft.film.synopsis or draft.film.tagline or ""
    credits = phrasing.credits_by_mention(draft.film.cast)
    text = html.unescape(TAG.sub(" ", render_markdown(source, credits=credits)))
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_LENGTH:
        return text
    cut = text[:DESCRIPTION_LENGTH].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def post_excerpt(draft: Draft) -> str | None:
    """The excerpt a blog shows in post lists and feeds: the film's tagline, if it has one.

    WordPress and Ghost would otherwise cut one from the body's first words, which for a
    trailer post is the trailer and the synopsis; the tagline says it better.
    """
    return (draft.film.tagline or "").strip() or None


def excerpt_aside(draft: Draft, body: str) -> str | None:
    """The excerpt to show, labelled, above the post: only when the post itself lacks it.

    A template that puts the tagline in the post (review, release announcement) shows it
    there; saying it again above would show it twice, which the blog never does.
    """
    excerpt = post_excerpt(draft)
    if excerpt is None or str(escape(excerpt)) in body:
        return None
    return excerpt


def movie_json_ld(draft: Draft, description: str, image: str | None) -> dict[str, Any]:
    """schema.org ``Movie`` data for search engines: name, director, actors and more."""
    film = draft.film
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Movie", "name": film.title}
    if description:
        data["description"] = description
    dates = sorted(r.date for r in film.releases if r.date)
    if dates:
        data["datePublished"] = dates[0].isoformat()
    elif film.year:
        data["datePublished"] = str(film.year)
    data["director"] = _people(film.directors)
    data["actor"] = _people(m.name for m in film.cast)
    data["author"] = _people(film.writers)
    data["genre"] = [g for g in film.genres if g.strip()]
    if film.runtime_minutes:
        data["duration"] = f"PT{film.runtime_minutes // 60}H{film.runtime_minutes % 60}M"
    if film.rating:
        data["contentRating"] = film.rating
    if image and image.startswith(("http://", "https://")):
        data["image"] = image
    video = parse_video(film.trailer_url)
    if video:
        data["trailer"] = {
            "@type": "VideoObject",
            "name": f"{film.title} trailer",
            "embedUrl": video.embed_url,
            "url": video.watch_url,
        }
    return {k: v for k, v in data.items() if v not in ([], "", None)}


def _people(names: Any) -> list[dict[str, str]]:
    return [{"@type": "Person", "name": n.strip()} for n in names if n and n.strip()]


def script_json(data: Any) -> Markup:
    """JSON safe inside ``<script>`` (Jinja's ``tojson``): no ``</script>`` can close it early."""
    return htmlsafe_json_dumps(data, dumps=_readable_json)


def _readable_json(data: Any, **options: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, **options)


def page_context(draft: Draft, body: str, poster_src: str | None, offline: bool) -> dict[str, Any]:
    """What ``_page.html`` needs to wrap a rendered body into a standalone page.

    Offline (the preview) leaves out what only search engines and link previews read, the
    description and the JSON-LD: rendering the synopsis twice per keystroke would be waste.
    """
    description = "" if offline else plain_description(draft)
    post, film = draft.post, draft.film
    json_ld = None if offline else script_json(movie_json_ld(draft, description, poster_src))
    return {
        "title": post.title.strip() or film.title.strip() or "Untitled post",
        "film": film,
        "post": post,
        "body": Markup(body),  # the film template's output, autoescaped as it was rendered
        "description": description,
        "stylesheet": Markup(post_stylesheet()),
        "json_ld": json_ld,
        "poster_src": poster_src,
        "excerpt_aside": excerpt_aside(draft, body),
        "poster_alt": f"Poster for {film.title}",
        "og_image": poster_src if poster_src and poster_src.startswith("http") else None,
        "offline": offline,
        "content_policy": OFFLINE_POLICY if offline else None,
        "tags": ", ".join(t for t in post.tags if t.strip()),
        "release_line": phrasing.release_line(film.releases),
        # Reading the package version costs a file scan: not for every preview keystroke.
        "generator": None if offline else f"postdesk {postdesk.__version__}",
    }
