"""Problems found in a draft, each naming the field it is about."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Any, NamedTuple


class ProblemKind(enum.Enum):
    """What sort of problem it is: what a face shows or lets pass goes by this, not the words."""

    #: A required value is absent or blank: the form says "Needed".
    MISSING = "missing"
    #: A value postdesk cannot use: wrong type, out of range, not one of the choices.
    INVALID = "invalid"
    #: The draft loads, renders and saves, but will not come out as meant.
    WARNING = "warning"


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class Problem(NamedTuple):
    """One thing wrong with a draft: ``film.releases[0].date: "2017-13-40" is not a date``.

    ``path`` is the field path in the draft file ("" for the file as a whole).
    """

    path: str
    message: str
    kind: ProblemKind = ProblemKind.INVALID

    @property
    def blocking(self) -> bool:
        """Whether the problem stops a load or a save (a warning does not)."""
        return self.kind is not ProblemKind.WARNING

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


def describe(value: Any) -> str:
    """A value as the user wrote it, shortened for a message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


class DraftError(Exception):
    """A draft file that cannot be loaded or saved; the message names the file and the field."""

    def __init__(self, file: Path | None, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__(self._describe())

    def _describe(self) -> str:
        where = f"{self.file}: " if self.file else ""
        first = self.problems[0] if self.problems else Problem("", "unknown problem")
        more = len(self.problems) - 1
        suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
        return f"{where}{first}{suffix}"
