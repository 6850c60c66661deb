"""Checks beyond the file format: things that load fine but will not come out as meant."""

from __future__ import annotations

from pathlib import Path

from postdesk.core.drafts.mentions import mention_key, mentioned_names
from postdesk.core.drafts.model import Draft, poster_path
from postdesk.core.drafts.posters import poster_refusal
from postdesk.core.drafts.problems import Problem
from postdesk.core.render.trailers import trailer_problem


def draft_warnings(
    draft: Draft, draft_file: Path | None, *, poster_blocks: bool = False
) -> list[Problem]:
    """Warnings about a loaded draft, each naming its field; none of them stops a save.

    A poster that is not an image never stops a save either (the blogger fixes it later), but
    ``postdesk check`` passes ``poster_blocks``: such a draft cannot be published or exported
    with its poster, and check must say so by failing.
    """
    warnings = [*_mention_warnings(draft), *poster_problems(draft, draft_file, poster_blocks)]
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


def poster_problems(draft: Draft, draft_file: Path | None, blocking: bool) -> list[Problem]:
    """The poster's problem: a missing file is a warning, anything but an image ``blocking``."""
    path = poster_path(draft, draft_file)
    if path is None:
        return []
    if not path.exists() and not path.is_symlink():
        return [Problem("film.poster", f"the file {path} does not exist", blocking=False)]
    refusal = poster_refusal(path)
    if refusal is None:
        return []
    message = f"the file {refusal}; postdesk will not publish or export it"
    return [Problem("film.poster", message, blocking=blocking)]
