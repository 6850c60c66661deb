"""Render a draft through a film template: the post body, its block markup, a standalone page.

``render(draft, "html")`` is what a blog receives, ``"blocks"`` the same post as WordPress block
markup, and ``"page"`` the exported HTML draft that opens from disk in any browser. With
``offline=True`` nothing in the output loads from the network (the preview's mode): the trailer
is a placeholder with its link and the poster comes from the disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args

import jinja2

import postdesk
from postdesk.core.drafts.mentions import mention_key, mentioned_names
from postdesk.core.drafts.model import Draft, poster_path
from postdesk.core.drafts.posters import poster_refusal
from postdesk.core.render import phrasing
from postdesk.core.render.blocks import html_to_blocks
from postdesk.core.render.errors import RenderError
from postdesk.core.render.page import data_uri, inline_refusal, page_context
from postdesk.core.render.templates import TemplateLibrary, TemplateNotFoundError, template_line
from postdesk.core.render.trailer_markup import trailer_markup

OutputFormat = Literal["html", "blocks", "page"]
FORMATS: tuple[str, ...] = get_args(OutputFormat)
Mode = Literal["html", "blocks", "offline"]
PAGE_TEMPLATE = "builtin/_page.html"
__all__ = ["FORMATS", "OutputFormat", "RenderError", "render"]


@dataclass(frozen=True)
class Poster:
    """Where the rendered post finds the poster, and what to call it."""

    src: str
    alt: str


def render(
    draft: Draft,
    fmt: OutputFormat = "html",
    *,
    library: TemplateLibrary | None = None,
    template: str | None = None,
    draft_file: Path | None = None,
    poster_url: str | None = None,
    offline: bool = False,
) -> str:
    """Render ``draft`` with its template (or ``template``) into ``fmt``.

    Args:
        draft: the draft.
        fmt: "html" (the post body), "blocks" (WordPress block markup) or "page".
        library: where templates come from; the built-in ones when ``None``.
        template: a template name overriding the draft's own choice.
        draft_file: the draft's file, which a relative poster path is relative to.
        poster_url: the poster's address on the blog, once it was uploaded there.
        offline: load nothing from the network (the preview).

    Raises:
        RenderError: the template failed; the message names it and the line.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown output format {fmt!r} (use one of {', '.join(FORMATS)})")
    library = library or TemplateLibrary()
    name = template or draft.post.template
    mode: Mode = "offline" if offline else ("blocks" if fmt == "blocks" else "html")
    poster = _poster(draft, draft_file, poster_url, fmt, offline)
    body = render_body(draft, library, name, mode, poster if fmt != "page" else None)
    if fmt == "blocks":
        return html_to_blocks(body)
    if fmt == "html":
        return body
    page = page_context(draft, body, poster.src if poster else None, offline)
    return _render_template(library, PAGE_TEMPLATE, page, "page")


def render_body(
    draft: Draft, library: TemplateLibrary, name: str, mode: Mode, poster: Poster | None
) -> str:
    """The post body: the film template applied to the draft."""
    context = template_context(draft, mode, poster)
    try:
        library.info(name)
    except TemplateNotFoundError as err:
        raise RenderError(name, str(err)) from err
    return _render_template(library, name + ".html", context, name).strip() + "\n"


def template_context(draft: Draft, mode: Mode, poster: Poster | None) -> dict[str, Any]:
    """Everything a film template can use; documented in ``resources/templates/README.md``."""
    film, post = draft.film, draft.post
    cast_by_key = {mention_key(m.name): m for m in film.cast if m.name.strip()}
    mentioned = [mention_key(n) for n in mentioned_names(film.synopsis)]
    mentioned_cast = [cast_by_key[k] for k in mentioned if k in cast_by_key]
    return {
        "film": film,
        "post": post,
        "credits": phrasing.credits_by_mention(film.cast),
        "mentioned_cast": mentioned_cast,
        "other_cast": [m for m in film.cast if m not in mentioned_cast and m.name.strip()],
        "cast_sentence": phrasing.cast_sentence(film.title, film.cast, mentioned),
        "release_line": phrasing.release_line(film.releases),
        "runtime": phrasing.runtime(film.runtime_minutes),
        "trailer": trailer_markup(film.trailer_url, film.title, mode),
        "poster": poster,
        "offline": mode == "offline",
        "generator": None if mode == "offline" else f"postdesk {postdesk.__version__}",
    }


def _render_template(
    library: TemplateLibrary, filename: str, context: dict[str, Any], name: str
) -> str:
    try:
        template = library.environment.get_template(filename)
    except jinja2.TemplateSyntaxError as err:
        raise RenderError(name, err.message or "syntax error", err.lineno) from err
    except jinja2.TemplateNotFound as err:
        raise RenderError(name, f"it includes “{err.name}”, which does not exist") from err
    except (ValueError, OverflowError, MemoryError, RecursionError) as err:  # 5,000-digit literal
        raise RenderError(name, _beyond_limits(err) or f"cannot be compiled ({err})") from err
    try:
        return template.render(context)
    except jinja2.TemplateSyntaxError as err:  # an included template is broken
        raise RenderError(err.name or name, err.message or "syntax error", err.lineno) from err
    except jinja2.TemplateNotFound as err:
        raise RenderError(name, f"it includes “{err.name}”, which does not exist") from err
    except jinja2.exceptions.SecurityError as err:
        line = template_line(err, template)
        raise RenderError(name, f"not allowed in a template: {err}", line) from err
    except jinja2.TemplateError as err:
        raise RenderError(name, str(err), template_line(err, template)) from err
    except Exception as err:  # a filter given the wrong kind of value, say
        line = template_line(err, template)
        message = _beyond_limits(err) or f"{type(err).__name__}: {err}"
        raise RenderError(name, message, line) from err


def _beyond_limits(error: BaseException) -> str | None:
    """What a template that outgrew Python's limits did, in words (else ``None``)."""
    if isinstance(error, RecursionError):
        return "the template nests or calls itself too deeply"
    if isinstance(error, MemoryError):
        return "the template builds something too big for memory"
    if isinstance(error, OverflowError) or "integer string conversion" in str(error):
        return (
            "a number in the template is too big (whole numbers may have at most 4,300 "
            "digits, others must stay below about 1.8e308)"
        )
    return None


def _poster(
    draft: Draft, draft_file: Path | None, poster_url: str | None, fmt: str, offline: bool
) -> Poster | None:
    alt = f"Poster for {draft.film.title}" if draft.film.title.strip() else "Film poster"
    if poster_url and not offline:
        return Poster(poster_url, alt)
    path = poster_path(draft, draft_file)
    if path is None or not path.is_file():
        return None
    if offline:  # the preview shows only what publishing and export would accept
        return Poster(path.resolve().as_uri(), alt) if poster_refusal(path) is None else None
    if fmt == "page":
        uri = data_uri(path)
        return Poster(uri, alt) if uri else None
    return None


def poster_left_out(draft: Draft, draft_file: Path | None) -> str | None:
    """Why an exported page has no poster although the draft names one, or ``None``.

    Export must say so (the command line on stderr, the window in its status bar) rather than
    leave the poster out without a word.
    """
    path = poster_path(draft, draft_file)
    if path is None:
        return None
    refusal = inline_refusal(path)
    if refusal is None:
        return None
    return f"film.poster: the file {refusal}; the exported page has no poster"
