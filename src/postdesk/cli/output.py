"""How the command line reports results and errors."""

from __future__ import annotations

import sys
from pathlib import Path

from postdesk.core.atomic import same_file


class CliError(Exception):
    """Bad input or a failed operation: printed on stderr, the command exits with ``status``."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


def report_error(message: str) -> None:
    """Print an error for a person to read."""
    print(f"postdesk: error: {message}", file=sys.stderr)


def report_warning(message: str) -> None:
    """Print a warning: the command goes on."""
    print(f"postdesk: warning: {message}", file=sys.stderr)


def write_output(text: str, output: Path | None, source: Path | None = None) -> None:
    """Write to ``output`` atomically, or to stdout when there is none.

    ``source`` is the draft the text was made from: an output that is that very file (by any
    name, link or hard link) is refused, so a draft is never replaced by its own export.
    """
    if output is not None and source is not None and same_file(output, source):
        raise CliError(
            f"{output}: this is the draft itself; postdesk does not write over it "
            "(choose another file with -o)"
        )
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from postdesk.core.atomic import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"))
    except OSError as err:
        raise CliError(f"{output}: could not be written ({err.strerror or err})") from err
