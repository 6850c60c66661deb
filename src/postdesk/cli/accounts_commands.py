"""``postdesk accounts``: add, list, verify and remove blog accounts."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from postdesk.cli.output import CliError
from postdesk.core.credentials import CredentialError, CredentialStore
from postdesk.core.paths import UserDirs
from postdesk.core.publish.account_setup import add_account, check_account, secret_of
from postdesk.core.publish.accounts import (
    Account,
    AccountError,
    AccountStore,
    normalize_site_url,
    shown_url,
)
from postdesk.core.publish.wordpress.errors import WordPressError

APP_PASSWORD_HELP = (
    "Create an application password on your blog: {url}/wp-admin/authorize-application.php"
    "?app_name=postdesk (or Users → Profile → Application Passwords)."
)


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``postdesk accounts …``."""
    accounts = commands.add_parser(
        "accounts",
        help="manage the blogs you publish to",
        description="Blog accounts: a name, the site address and your user name. The "
        "application password is kept in your system's keyring, never in a file.",
    )
    actions = accounts.add_subparsers(title="actions", dest="action", metavar="ACTION")
    accounts.set_defaults(handler=lambda args, dirs: _missing_action(accounts))

    add = actions.add_parser(
        "add",
        help="add an account (checks it with the blog first)",
        description="Add an account. The application password is read from a hidden prompt, "
        "or from standard input with --password-stdin; never from the command line.",
    )
    add.add_argument("name", help="a name for the account, such as “My blog”")
    add.add_argument("--engine", choices=("wordpress", "ghost"), default="wordpress")
    add.add_argument("--url", required=True, help="the blog's address, https://…")
    add.add_argument("--username", help="your WordPress user name (WordPress only)")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the application password from stdin"
    )
    add.add_argument(
        "--key-stdin", action="store_true", help="read Ghost's Admin API key from stdin"
    )
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list the accounts")
    listing.set_defaults(handler=run_list)

    verify = actions.add_parser("verify", help="check an account's password with its blog")
    verify.add_argument("name")
    verify.set_defaults(handler=run_verify)

    remove = actions.add_parser("remove", help="remove an account and its password")
    remove.add_argument("name")
    remove.set_defaults(handler=run_remove)


_ENGINES = {"wordpress": "WordPress", "ghost": "Ghost"}


def _missing_action(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _read_password(from_stdin: bool, url: str) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        print(APP_PASSWORD_HELP.format(url=url), file=sys.stderr)
        password = getpass.getpass("Application password: ")
    if not password.strip():
        raise CliError("no application password was given")
    return password


def run_add(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Verify a new account with its blog, then store it (and its password in the keyring)."""
    store = AccountStore(dirs.accounts_file)
    credentials = CredentialStore()
    try:
        url = normalize_site_url(args.url)
        if any(a.name == args.name for a in store.accounts()):
            raise CliError(f"there is already an account named “{args.name}”")
        credentials.ensure_usable()
        if args.engine == "ghost":
            account = Account(args.name, url, "", "ghost")
            secret = _read_ghost_key(args.key_stdin, url)
        else:
            if not args.username:
                raise CliError("--username: a WordPress account needs your user name")
            account = Account(args.name, url, args.username)
            secret = _read_password(args.password_stdin, url)
        summary = add_account(store, credentials, account, secret)
    except (AccountError, CredentialError, WordPressError) as err:
        raise CliError(str(err)) from err
    joiner = ", " if account.engine == "ghost" else " as "  # "… as Edith (editor), may publish"
    print(f"Added “{account.name}”: {url}{joiner}{summary}.")
    return 0


def _read_ghost_key(from_stdin: bool, url: str) -> str:
    from postdesk.core.publish.ghost.client import integrations_page

    if from_stdin:
        return sys.stdin.readline().strip()
    print(f"Create a custom integration at {integrations_page(url)} and paste its Admin "
          "API key.", file=sys.stderr)  # fmt: skip
    return getpass.getpass("Admin API key: ").strip()


def run_list(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Print the accounts, the default one marked."""
    store = AccountStore(dirs.accounts_file)
    try:
        accounts = store.accounts()
        default = store.default()
    except AccountError as err:
        raise CliError(str(err)) from err
    if not accounts:
        print(
            "No accounts yet: add one with `postdesk accounts add NAME --url URL --username USER`."
        )
    for account in accounts:
        mark = "*" if default and account.name == default.name else " "
        who = f" as {account.username}" if account.username else ""
        engine = _ENGINES.get(account.engine, account.engine)
        print(f"{mark} {account.name}: {shown_url(account.url)}{who} ({engine})")
    return 0


def run_verify(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Check an account's stored password with its blog."""
    try:
        account = AccountStore(dirs.accounts_file).get(args.name)
        summary = check_account(account, secret_of(CredentialStore(), account))
    except (AccountError, CredentialError, WordPressError) as err:
        raise CliError(str(err)) from err
    print(f"{account.name}: OK, {summary}.")
    return 0


def run_remove(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Remove an account and its password."""
    store = AccountStore(dirs.accounts_file)
    try:
        account = store.get(args.name)
        CredentialStore().delete(account.name)
        store.remove(account.name)
    except (AccountError, CredentialError) as err:
        raise CliError(str(err)) from err
    print(f"Removed “{account.name}” and its password.")
    return 0
