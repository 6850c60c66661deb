"""Turn parsed JSON into a :class:`Draft`, collecting every problem with its field path."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from postdesk.core.drafts.model import FORMAT_VERSION, Draft
from postdesk.core.drafts.problems import Problem, ProblemKind, describe
from postdesk.core.drafts.schema import StructureReader
from postdesk.core.drafts.unreadable import unreadable_values
from postdesk.core.drafts.validation import in_field_order, read_problems

#: The key of the file format's version; the rest of a file is the draft's fields.
VERSION_KEY = "postdesk"


class DraftReader:
    """Reads one draft's JSON data; every problem is recorded, the first does not stop it."""

    def __init__(
        self, templates: Collection[str] | None = None, *, check_values: bool = True
    ) -> None:
        """``check_values=False`` skips looking for unreadable values (see ``unreadable``).

        Only for data that cannot hold them, where the look would cost a pass over the whole
        draft for nothing.
        """
        self._templates = templates
        self._check_values = check_values
        self.problems: list[Problem] = []

    def read(self, data: Any) -> tuple[Draft | None, list[Problem]]:
        """Build the draft, or ``None`` when a required part is unusable.

        First the shape of every value (the schema), then the rules of ``validate``, both
        reported in the order of the fields.
        """
        if not isinstance(data, dict):
            self._fail("", "not a postdesk draft: the file must hold a JSON object")
            return None, self.problems
        unreadable = unreadable_values(data) if self._check_values else []
        if unreadable:  # anything else read from such a file could crash where it is used
            self.problems += unreadable
            return None, self.problems
        if not self._version_ok(data.get(VERSION_KEY)):
            return None, self.problems
        structure = StructureReader()
        fields = {k: v for k, v in data.items() if k != VERSION_KEY}
        draft: Draft | None = structure.read(Draft, fields, "")
        found = read_problems(structure.parts, draft, self._templates)
        self.problems += in_field_order(structure.problems + found)
        return draft, self.problems

    def _fail(self, path: str, message: str, kind: ProblemKind = ProblemKind.INVALID) -> None:
        self.problems.append(Problem(path, message, kind))

    def _version_ok(self, version: Any) -> bool:
        if version is None:
            self._fail(
                VERSION_KEY, 'is missing: a draft starts with "postdesk": 1', ProblemKind.MISSING
            )
            return False
        if isinstance(version, bool) or not isinstance(version, int):
            self._fail(VERSION_KEY, f"{describe(version)} is not a format version number")
            return False
        if version > FORMAT_VERSION:
            self._fail(
                VERSION_KEY,
                f"format version {version} was written by a newer postdesk; this one reads "
                f"version {FORMAT_VERSION}. Update postdesk to open it.",
            )
            return False
        if version < 1:
            self._fail(VERSION_KEY, f"{version} is not a format version (versions start at 1)")
            return False
        return True
