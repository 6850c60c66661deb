"""Argument parsing and dispatch for ``postdesk SUBCOMMAND``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

import postdesk
from postdesk.cli import accounts_commands, draft_commands, film_commands, publish_command
from postdesk.cli.output import CliError, report_error
from postdesk.core.paths import UserDirs

#: Each command module adds its subparsers and points ``handler`` at a function(args, dirs).
COMMAND_MODULES = (draft_commands, accounts_commands, publish_command, film_commands)
Handler = Callable[[argparse.Namespace, UserDirs], int]


def build_parser() -> argparse.ArgumentParser:
    """The whole command line, ``--help`` for each subcommand included."""
    parser = argparse.ArgumentParser(
        prog="postdesk",
        description="Draft, preview, export and publish movie-promo posts. "
        "Without a subcommand, postdesk opens its window (optionally with a draft).",
    )
    parser.add_argument("--version", action="version", version=f"postdesk {postdesk.__version__}")
    parser.add_argument(
        "--config-dir",
        metavar="DIR",
        help="keep settings, templates and accounts in DIR instead of the user's folders",
    )
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def command_names() -> set[str]:
    """The subcommands the parser knows (a test keeps ``postdesk.cli.COMMANDS`` in step)."""
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def run(args: Sequence[str]) -> int:
    """Run one subcommand; bad input gives a message on stderr and status 1, never a traceback."""
    parser = build_parser()
    namespace = parser.parse_args(list(args))
    handler: Handler | None = getattr(namespace, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return 2
    dirs = UserDirs.default(namespace.config_dir)
    try:
        return handler(namespace, dirs)
    except CliError as err:
        report_error(str(err))
        return err.status
    except KeyboardInterrupt:
        report_error("interrupted")
        return 130
