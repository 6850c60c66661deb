"""Problems found in a draft, each naming the field it is about."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a draft: ``film.releases[0].date: "2017-13-40" is not a date``.

    ``path`` is the field path in the draft file ("" for the file as a whole). A problem that is
    not ``blocking`` is a warning: the draft still loads, renders and saves.
    """

    path: str
    message: str
    blocking: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


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
