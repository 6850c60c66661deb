"""``postdesk publish``: send a draft to a blog and print the post's link."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from postdesk.cli.output import CliError
from postdesk.core.credentials import CredentialError, CredentialStore
from postdesk.core.drafts.files import check_can_save, load_draft
from postdesk.core.drafts.model import POST_STATUSES, Draft
from postdesk.core.drafts.problems import DraftError
from postdesk.core.paths import UserDirs
from postdesk.core.publish.account_setup import secret_of
from postdesk.core.publish.accounts import AccountError, AccountStore
from postdesk.core.publish.flow import publish_draft
from postdesk.core.publish.readiness import publish_warnings
from postdesk.core.publish.records import keep_publication
from postdesk.core.publish.results import PublishError
from postdesk.core.publish.steps import PublishStep
from postdesk.core.publish.targets import publish_target
from postdesk.core.publish.wordpress.errors import ConflictError, WordPressError
from postdesk.core.render.rendering import RenderError
from postdesk.core.render.templates import TemplateLibrary


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``postdesk publish``."""
    parser = commands.add_parser(
        "publish",
        help="publish a draft to your blog",
        description="Publish a draft as a WordPress post, or update the post it was published "
        "as before. Prints the post's link. The draft records where it was published.",
    )
    parser.add_argument("draft", type=Path, help="the .postdesk draft file")
    parser.add_argument(
        "--account",
        metavar="NAME",
        help="default: the blog the draft was last published on, else the default account",
    )
    parser.add_argument("--status", choices=POST_STATUSES, help="default: the draft's status")
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="update the post even if it was changed on the blog since",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="send nothing when the draft has warnings (an unknown @[mention], a bad trailer…)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print only the link")
    parser.set_defaults(handler=run_publish)


def run_publish(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Publish and print the link."""
    library = TemplateLibrary.for_user(dirs)

    def show(step: PublishStep) -> None:
        if not args.quiet:
            print(f"… {step.value}", file=sys.stderr)

    try:
        draft = load_draft(args.draft, library.names())
        check_can_save(draft, args.draft)  # the record must be writable before posting
        _report_warnings(draft, args.draft, strict=args.strict)
        account = publish_target(AccountStore(dirs.accounts_file), draft, args.account)
        password = secret_of(CredentialStore(), account)
        result = publish_draft(
            draft,
            args.draft,
            account,
            password,
            library=library,
            status=args.status,
            overwrite=args.overwrite,
            progress=show,
        )
        keep_publication(draft, args.draft, result)  # the draft records where its post is
    except ConflictError as err:
        raise CliError(f"{err} Run again with --overwrite to replace them.") from err
    except (DraftError, AccountError, CredentialError, PublishError, WordPressError) as err:
        raise CliError(str(err)) from err
    except RenderError as err:
        raise CliError(f"{args.draft}: {err}") from err
    if not args.quiet:
        verb = "Created" if result.created else "Updated"
        print(f"{verb} post ({result.status}) on {account.name}:", file=sys.stderr)
    print(result.link)
    return 0


def _report_warnings(draft: Draft, draft_file: Path, *, strict: bool) -> None:
    """Print the draft's warnings to stderr; with ``strict``, stop before anything is sent."""
    warnings = publish_warnings(draft, draft_file)
    for problem in warnings:
        print(f"{draft_file}: warning: {problem}", file=sys.stderr)
    if strict and warnings:
        count = f"{len(warnings)} warning{'' if len(warnings) == 1 else 's'}"
        raise CliError(f"{draft_file}: {count}; nothing was sent (--strict)")
