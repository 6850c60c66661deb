"""The command line: every subcommand is a thin layer over :mod:`postdesk.core`."""

from __future__ import annotations

from collections.abc import Sequence

#: The subcommands, known without importing them: starting the window must not load them.
COMMANDS = frozenset(
    {"render", "export", "templates", "check", "accounts", "publish", "film", "new", "fill"}
)
CLI_FLAGS = frozenset({"-h", "--help", "--version"})


def is_cli_invocation(args: Sequence[str]) -> bool:
    """Whether ``args`` ask for the command line rather than the window."""
    words = list(args)
    if words[:1] == ["--config-dir"]:
        words = words[2:]
    elif words and words[0].startswith("--config-dir="):
        words = words[1:]
    return bool(words) and (words[0] in COMMANDS or words[0] in CLI_FLAGS)


def run_cli(args: Sequence[str]) -> int:
    """Run one subcommand (see :mod:`postdesk.cli.main`)."""
    from postdesk.cli.main import run

    return run(args)
