"""The trailer as it appears in a post: an embed, a block, a placeholder, or a plain link."""

from __future__ import annotations

import json
from typing import Literal

from markupsafe import Markup

from postdesk.core.render.trailers import Video, parse_video, safe_link

Mode = Literal["html", "blocks", "offline"]


def trailer_markup(url: str | None, film_title: str, mode: Mode) -> Markup:
    """Markup for the trailer at ``url``; empty when there is no usable trailer.

    ``html`` embeds the player in an iframe, ``blocks`` writes WordPress's embed block (the blog
    fetches the player itself), ``offline`` shows a placeholder that links to the video.
    """
    video = parse_video(url)
    title = f"Trailer: {film_title}" if film_title.strip() else "Trailer"
    if video is None:
        link = safe_link(url)
        if not link:
            return Markup("")
        return Markup('<p class="trailer-link"><a href="{}">Watch the trailer</a></p>').format(link)
    if mode == "blocks":
        return _embed_block(video)
    if mode == "offline":
        return _placeholder(video, title)
    return _iframe(video, title)


def _figure_classes(video: Video) -> str:
    return (
        f"wp-block-embed is-type-video is-provider-{video.provider} "
        f"wp-block-embed-{video.provider} wp-embed-aspect-16-9 wp-has-aspect-ratio"
    )


def _iframe(video: Video, title: str) -> Markup:
    return Markup(
        '<figure class="{classes}"><div class="wp-block-embed__wrapper">'
        '<iframe src="{src}" title="{title}" width="560" height="315" loading="lazy" '
        'referrerpolicy="strict-origin-when-cross-origin" '
        'allow="encrypted-media; picture-in-picture; fullscreen" allowfullscreen></iframe>'
        "</div></figure>"
    ).format(classes=_figure_classes(video), src=video.embed_url, title=title)


def _embed_block(video: Video) -> Markup:
    attributes = {
        "url": video.watch_url,
        "type": "video",
        "providerNameSlug": video.provider,
        "responsive": True,
        "className": "wp-embed-aspect-16-9 wp-has-aspect-ratio",
    }
    # Block attributes are JSON inside an HTML comment: "--" and "<" must not appear raw.
    comment = json.dumps(attributes, separators=(",", ":")).replace("--", "\\u002d\\u002d")
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        comment = comment.replace(char, escaped)
    return Markup(
        "<!-- wp:embed {comment} -->\n"
        '<figure class="{classes}"><div class="wp-block-embed__wrapper">\n{url}\n</div></figure>\n'
        "<!-- /wp:embed -->"
    ).format(comment=Markup(comment), classes=_figure_classes(video), url=video.watch_url)


def _placeholder(video: Video, title: str) -> Markup:
    return Markup(
        '<figure class="trailer-placeholder"><a href="{url}" title="{title}">'
        '<span class="play" aria-hidden="true">▶</span>'
        '<span class="label">{title}</span>'
        '<span class="provider">Plays from {provider} on the blog · open in browser</span>'
        "</a></figure>"
    ).format(url=video.watch_url, title=title, provider=video.provider_name)
