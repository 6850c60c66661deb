"""Reading and writing ``.postdesk`` draft files: validated on load, atomic and stable on save."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Collection
from pathlib import Path

from postdesk.core.atomic import (
    ReadOnlyFileError,
    is_read_only,
    resolved_target,
    write_atomic,
)
from postdesk.core.drafts.model import FORMAT_VERSION, Draft, JsonDict
from postdesk.core.drafts.problems import DraftError, Problem
from postdesk.core.drafts.reader import VERSION_KEY, DraftReader
from postdesk.core.drafts.schema import to_json
from postdesk.core.drafts.stamp import FileStamp, changed_on_disk, stamp_bytes
from postdesk.core.drafts.unreadable import parse_json_int

#: A draft that big is not a draft; refusing it early keeps a wrong file from eating memory.
MAX_DRAFT_BYTES = 20 * 1024 * 1024


def load_draft(path: Path, templates: Collection[str] | None = None) -> Draft:
    """Read and validate a draft file; the file itself is never touched.

    Args:
        path: the ``.postdesk`` file.
        templates: the template names that exist, to refuse a draft that names another one;
            ``None`` skips that check.

    Raises:
        DraftError: naming the file and, where there is one, the field.
    """
    path = Path(path)
    draft, problems = read_draft(path, templates)
    blocking = [p for p in problems if p.blocking]
    if draft is None or blocking:
        raise DraftError(path, blocking or problems)
    return draft


def read_draft(
    path: Path, templates: Collection[str] | None = None
) -> tuple[Draft | None, list[Problem]]:
    """Read a draft and every problem in it, warnings included (for ``postdesk check``)."""
    try:
        size = path.stat().st_size
        if size > MAX_DRAFT_BYTES:
            return None, [Problem("", f"the file is {size:,} bytes, too big to be a draft")]
        data = path.read_bytes()
        text = data.decode("utf-8")
    except FileNotFoundError:
        return None, [Problem("", "no such file")]
    except IsADirectoryError:
        return None, [Problem("", "this is a folder, not a draft file")]
    except PermissionError:
        return None, [Problem("", "postdesk is not allowed to read this file")]
    except UnicodeDecodeError as err:
        return None, [Problem("", f"not UTF-8 text (byte {err.start})")]
    except OSError as err:
        return None, [Problem("", f"cannot be read ({err.strerror})")]
    draft, problems = parse_draft(text, templates)
    if draft is not None:
        draft.disk = stamp_bytes(path, data)
    return draft, problems


def parse_draft(
    text: str, templates: Collection[str] | None = None
) -> tuple[Draft | None, list[Problem]]:
    """Parse a draft from JSON text, returning every problem found."""
    try:
        data = json.loads(text, parse_int=parse_json_int)  # a 5,000-digit number is reported
    except json.JSONDecodeError as err:
        where = f"line {err.lineno}, column {err.colno}"
        return None, [Problem("", f"not a postdesk draft: invalid JSON at {where} ({err.msg})")]
    except RecursionError:
        return None, [Problem("", "not a postdesk draft: JSON nested too deeply")]
    return DraftReader(templates).read(data)


def draft_to_json(draft: Draft) -> str:
    """Serialise a draft: known fields in a fixed order, then the fields postdesk does not know.

    The output is a function of the draft alone, so load, save, load, save gives the same bytes.
    """
    return json.dumps(draft_to_dict(draft), indent=2, ensure_ascii=False) + "\n"


class DraftChangedError(DraftError):
    """Another program changed the draft's file since postdesk read it; it was not replaced."""

    def __init__(self, file: Path) -> None:
        message = (
            "was changed by another program since postdesk read it, so it was not "
            "overwritten (reload it, or save under another name)"
        )
        super().__init__(file, [Problem("", message)])


class DraftReadOnlyError(DraftError):
    """The draft's file is read-only: postdesk does not replace it."""

    def __init__(self, file: Path) -> None:
        message = "is read-only, so it was not overwritten (save under another name)"
        super().__init__(file, [Problem("", message)])


def save_draft(draft: Draft, path: Path, *, overwrite_changes: bool = False) -> None:
    """Write a draft atomically: the old file stays whole until the new one is complete.

    A symbolic link is written through to its target. When ``draft`` was read from (or last
    saved to) this same file, the file must still hold what it held then: another program's
    change is never overwritten silently, unless ``overwrite_changes`` (the user chose "keep
    mine"). On success ``draft.disk`` describes the new file.

    Raises:
        DraftChangedError: the file changed on disk since.
        DraftReadOnlyError: the file is read-only.
        DraftError: the file could not be written; it is untouched.
    """
    path = Path(path)
    if not overwrite_changes and _changed_since_read(draft, path):
        raise DraftChangedError(path)
    data = draft_to_json(draft).encode("utf-8")
    try:
        write_atomic(path, data)
    except ReadOnlyFileError as err:
        raise DraftReadOnlyError(path) from err
    except OSError as err:
        reason = err.strerror or str(err)
        raise DraftError(path, [Problem("", f"could not be saved ({reason})")]) from err
    draft.disk = stamp_bytes(resolved_target(path), data)


def check_can_save(draft: Draft, path: Path) -> None:
    """Refuse early what :func:`save_draft` would refuse: before a publish, not after it.

    Raises:
        DraftReadOnlyError: the file is read-only.
        DraftChangedError: another program changed it since it was read.
    """
    if is_read_only(resolved_target(Path(path))):
        raise DraftReadOnlyError(Path(path))
    if _changed_since_read(draft, Path(path)):
        raise DraftChangedError(Path(path))


def _changed_since_read(draft: Draft, path: Path) -> bool:
    stamp: FileStamp | None = draft.disk
    if stamp is None or stamp.path != Path(os.path.realpath(path)):
        return False  # a new file, or Save As over a file the user chose to replace
    return changed_on_disk(stamp) and not _took_up_records(draft, path)


def _took_up_records(draft: Draft, path: Path) -> bool:
    """Whether the file differs from ``draft`` only by publish records, now taken into it.

    A parallel publish of this same draft (another postdesk) records its post in the file;
    that is not an edit to protect, and its records must survive this save.
    """
    on_disk, _ = read_draft(path)
    if on_disk is None:
        return False
    theirs = dataclasses.replace(on_disk, publications=[])
    if draft_to_json(theirs) != draft_to_json(dataclasses.replace(draft, publications=[])):
        return False
    for record in on_disk.publications:
        if draft.publication_for(record.account) is None:
            draft.record_publication(record)
    return True


def draft_to_dict(draft: Draft) -> JsonDict:
    """The draft as plain JSON data: the format version, then the fields the schema writes."""
    fields = {k: v for k, v in to_json(draft).items() if k != VERSION_KEY}
    return {VERSION_KEY: FORMAT_VERSION, **fields}
