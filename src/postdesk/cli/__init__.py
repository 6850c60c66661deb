"""The command line: every subcommand is a thin layer over :mod:`postdesk.core`."""

from postdesk.cli.main import is_cli_invocation, run_cli

__all__ = ["is_cli_invocation", "run_cli"]
