"""Checks beyond the file format: things that load fine but will not come out as meant."""

from __future__ import annotations

from pathlib import Path

from postdesk.core.drafts.mentions import mention_key, mentioned_names
from postdesk.core.drafts.model import Draft, poster_path
from postdesk.core.drafts.posters import poster_refusal
from postdesk.core.drafts.problems import Problem, ProblemKind
from postdesk.core.render.trailers import trailer_problem

WARNING = ProblemKind.WARNING


def content_warnings(draft: Draft) -> list[Problem]:
    """Warnings about what the draft says (mentions, trailer); part of ``validate``."""
    warnings = _mention_warnings(draft)
    trailer = trailer_problem(draft.film.trailer_url)
    if trailer:
        warnings.append(Problem("film.trailer_url", trailer, WARNING))
    return warnings


def _mention_warnings(draft: Draft) -> list[Problem]:
    cast = {mention_key(m.name) for m in draft.film.cast}
    return [
        Problem(
            "film.synopsis",
            f"mentions @[{name}], who is not in the cast list: add them or fix the name",
            WARNING,
        )
        for name in mentioned_names(draft.film.synopsis)
        if mention_key(name) not in cast
    ]


def poster_problems(draft: Draft, draft_file: Path | None, blocking: bool) -> list[Problem]:
    """The poster file's problem: a missing file is a warning, anything but an image ``blocking``.

    Apart from ``validate`` because it reads the disk, and needs the draft's file to find a
    relative poster. A poster that is not an image never stops a save (the blogger fixes it
    later), but ``postdesk check`` passes ``blocking``: such a draft cannot be published or
    exported with its poster, and check must say so by failing.
    """
    path = poster_path(draft, draft_file)
    if path is None:
        return []
    if not path.exists() and not path.is_symlink():
        return [Problem("film.poster", f"the file {path} does not exist", WARNING)]
    refusal = poster_refusal(path)
    if refusal is None:
        return []
    message = f"the file {refusal}; postdesk will not publish or export it"
    return [Problem("film.poster", message, ProblemKind.INVALID if blocking else WARNING)]
