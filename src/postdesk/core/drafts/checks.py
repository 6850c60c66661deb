"""Checks beyond the file format: things that load fine but will not come out as meant."""

from __future__ import annotations

from pathlib import Path

from postdesk.core.drafts.mentions import mention_key, mentioned_names
from postdesk.core.drafts.model import Draft, poster_path
from postdesk.core.drafts.problems import Problem
from postdesk.core.render.trailers import trailer_problem


def draft_warnings(draft: Draft, draft_file: Path | None) -> list[Problem]:
    """Warnings about a loaded draft, each naming its field; none of them stops a save."""
    warnings = [*_mention_warnings(draft), *_poster_warnings(draft, draft_file)]
    trailer = trailer_problem(draft.film.trailer_url)
    if trailer:
        warnings.append(Problem("film.trailer_url", trailer, blocking=False))
    return warnings


def _mention_warnings(draft: Draft) -> list[Problem]:
    cast = {mention_key(m.name) for m in draft.film.cast}
    return [
        Problem(
            "film.synopsis",
            f"mentions @[{name}], who is not in the cast list: add them or fix the name",
            blocking=False,
        )
        for name in mentioned_names(draft.film.synopsis)
        if mention_key(name) not in cast
    ]


def _poster_warnings(draft: Draft, draft_file: Path | None) -> list[Problem]:
    path = poster_path(draft, draft_file)
    if path is None or path.is_file():
        return []
    return [Problem("film.poster", f"the file {path} does not exist", blocking=False)]
