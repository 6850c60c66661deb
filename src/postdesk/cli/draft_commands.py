"""``postdesk render``, ``export``, ``templates`` and ``check``: drafts in, posts out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from postdesk.cli.output import CliError, write_output
from postdesk.core.drafts.checks import poster_problems
from postdesk.core.drafts.files import load_draft, read_draft
from postdesk.core.drafts.model import Draft
from postdesk.core.drafts.problems import DraftError, Problem, ProblemKind
from postdesk.core.drafts.validation import in_field_order
from postdesk.core.paths import UserDirs
from postdesk.core.render.bounded import render_limited
from postdesk.core.render.rendering import FORMATS, RenderError, poster_left_out
from postdesk.core.render.templates import TemplateLibrary


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add the draft subcommands."""
    render_parser = commands.add_parser(
        "render",
        help="render a draft through its film template",
        description="Render a draft: the post body as HTML (what a blog receives), as WordPress "
        "block markup, or as a standalone page. Writes to stdout unless -o is given.",
    )
    render_parser.add_argument("draft", type=Path, help="the .postdesk draft file")
    render_parser.add_argument("--template", metavar="NAME", help="use this template instead")
    render_parser.add_argument("--format", choices=FORMATS, default="html", help="default: html")
    render_parser.add_argument("-o", "--output", type=Path, metavar="FILE")
    render_parser.set_defaults(handler=run_render)

    export_parser = commands.add_parser(
        "export",
        help="export a standalone HTML draft that opens in any browser",
        description="Export the post as one HTML file with its stylesheet and poster inside. "
        "Without -o it is written next to the draft, with the extension .html.",
    )
    export_parser.add_argument("draft", type=Path, help="the .postdesk draft file")
    export_parser.add_argument("--template", metavar="NAME", help="use this template instead")
    export_parser.add_argument("-o", "--output", type=Path, metavar="FILE.html")
    export_parser.set_defaults(handler=run_export)

    templates_parser = commands.add_parser(
        "templates",
        help="list the film templates",
        description="List the built-in film templates and your own, with their descriptions.",
    )
    templates_parser.set_defaults(handler=run_templates)

    check_parser = commands.add_parser(
        "check",
        help="report every problem in a draft",
        description="Validate a draft and report every problem, not only the first. "
        "Exits with 1 if the draft cannot be loaded; warnings alone exit with 0.",
    )
    check_parser.add_argument("draft", type=Path, help="the .postdesk draft file")
    check_parser.set_defaults(handler=run_check)


def _load(path: Path, library: TemplateLibrary) -> Draft:
    try:
        return load_draft(path, library.names())
    except DraftError as err:
        raise CliError(str(err)) from err


def _render(draft: Draft, args: argparse.Namespace, library: TemplateLibrary, fmt: Any) -> str:
    if args.template and args.template not in library.names():
        known = ", ".join(library.names())
        raise CliError(f"--template: there is no template named “{args.template}” ({known})")
    try:
        return render_limited(
            draft, fmt, library=library, template=args.template, draft_file=args.draft
        )
    except RenderError as err:
        raise CliError(f"{args.draft}: {err}") from err


def run_render(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Render a draft to stdout or a file."""
    library = TemplateLibrary.for_user(dirs)
    draft = _load(args.draft, library)
    write_output(_render(draft, args, library, args.format), args.output, args.draft)
    return 0


def run_export(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Write the standalone page."""
    library = TemplateLibrary.for_user(dirs)
    draft = _load(args.draft, library)
    output: Path = args.output or args.draft.with_suffix(".html")
    write_output(_render(draft, args, library, "page"), output, args.draft)
    left_out = poster_left_out(draft, args.draft)
    if left_out:
        print(f"{args.draft}: warning: {left_out}", file=sys.stderr)
    print(output)
    return 0


def run_templates(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Print each template's name and description."""
    library = TemplateLibrary.for_user(dirs)
    templates = library.templates()
    width = max(len(t.name) for t in templates)
    for template in templates:
        origin = "" if template.builtin else " (yours)"
        if template.overrides_builtin:
            origin = " (yours, replaces the built-in one)"
        print(f"{template.name:<{width}}  {template.title}{origin}: {template.description}")
    return 0


def run_check(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Print every problem; exit 1 when the draft cannot be loaded or rendered.

    The reader reports the file's shape and everything ``validate`` finds; the poster file
    is looked at too, and here a poster that is not an image fails the check.
    """
    library = TemplateLibrary.for_user(dirs)
    draft, problems = read_draft(args.draft, library.names())
    if draft is not None:
        problems = in_field_order(problems + poster_problems(draft, args.draft, blocking=True))
        if not any(p.blocking for p in problems):
            problems += _render_problems(draft, args.draft, library)
    for problem in problems:
        kind = "warning" if problem.kind is ProblemKind.WARNING else "error"
        print(f"{args.draft}: {kind}: {problem}")
    errors = sum(p.blocking for p in problems)
    if draft is None or errors:
        raise CliError(f"{args.draft}: {_count(errors, 'problem')} found")
    warnings = f" ({_count(len(problems), 'warning')})" if problems else ""
    print(f"{args.draft}: OK{warnings}")
    return 0


def _render_problems(draft: Draft, draft_file: Path, library: TemplateLibrary) -> list[Problem]:
    try:
        render_limited(draft, "html", library=library, draft_file=draft_file)
    except RenderError as err:
        return [Problem("post.template", str(err))]
    return []


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
