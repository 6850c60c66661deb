"""Entry point: a subcommand runs the command line, anything else opens the window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run ``postdesk``: ``postdesk render …`` and friends, or the editor window."""
    args = sys.argv[1:] if argv is None else argv
    from postdesk.cli import is_cli_invocation, run_cli

    if is_cli_invocation(args):
        return run_cli(args)
    from postdesk.ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    from postdesk.core.render.early_worker import serve_if_asked

    serve_if_asked()  # the render worker the editor started: it serves renders, and exits
    import multiprocessing

    multiprocessing.freeze_support()  # the bundled app is also its own render worker
    sys.exit(main())
