"""``postdesk film``, ``postdesk new`` and ``postdesk fill``: film facts from Wikidata or TMDB."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from postdesk.cli.output import CliError, report_warning
from postdesk.core.credentials import CredentialError
from postdesk.core.drafts.files import read_draft, save_draft
from postdesk.core.drafts.model import DEFAULT_TEMPLATE, Draft, new_draft
from postdesk.core.drafts.problems import DraftError
from postdesk.core.filmdata.errors import FilmDataError
from postdesk.core.filmdata.found import SOURCES, parse_film_id
from postdesk.core.filmdata.lookup import LookupSettings, fill_draft, search_films
from postdesk.core.filmdata.merge import Merge
from postdesk.core.filmdata.token import remove_tmdb_token, save_tmdb_token, tmdb_token
from postdesk.core.paths import UserDirs
from postdesk.core.render.templates import TemplateLibrary

#: A new draft has these empty; ``fill`` accepts that, as it is what fills them.
FILLED_TITLES = frozenset({"film.title", "post.title"})
TOKEN_HELP = (
    "Get a TMDB API read access token (free) at https://www.themoviedb.org/settings/api "
    "after signing in; postdesk keeps it in your keyring."
)


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``postdesk film …``, ``postdesk new`` and ``postdesk fill``."""
    _register_film(commands)
    new = commands.add_parser("new", help="write a new draft, filled from a film when asked")
    new.add_argument("-o", "--output", type=Path, required=True, metavar="DRAFT")
    new.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="NAME")
    new.add_argument("--film", metavar="SOURCE:ID", help="tmdb:603 or wikidata:Q83495")
    new.set_defaults(handler=run_new)
    fill = commands.add_parser(
        "fill",
        help="fill a draft's empty film fields from Wikidata or TMDB",
        description="Fill the draft's empty film fields; fields you wrote are kept and the "
        "differences listed, unless --replace is given. The draft is saved atomically.",
    )
    fill.add_argument("draft", type=Path)
    fill.add_argument("--film", required=True, metavar="SOURCE:ID", help="tmdb:603 or wikidata:Q1")
    fill.add_argument("--replace", action="store_true", help="take every field the source has")
    fill.set_defaults(handler=run_fill)


def _register_film(commands: argparse._SubParsersAction[Any]) -> None:
    film = commands.add_parser("film", help="look films up on Wikidata or TMDB")
    actions = film.add_subparsers(title="actions", dest="action", metavar="ACTION")
    film.set_defaults(handler=lambda args, dirs: _usage(film))
    search = actions.add_parser("search", help="list films matching a title")
    search.add_argument("query")
    search.add_argument("--year", type=int)
    search.add_argument("--source", choices=SOURCES, default="wikidata")
    search.set_defaults(handler=run_search)
    token = actions.add_parser("token", help="the TMDB token", description=TOKEN_HELP)
    token_actions = token.add_subparsers(title="actions", dest="token_action", metavar="ACTION")
    token.set_defaults(handler=lambda args, dirs: _usage(token))
    token_set = token_actions.add_parser("set", help="store the TMDB token in the keyring")
    token_set.add_argument("--token-stdin", action="store_true", help="read it from stdin")
    token_set.set_defaults(handler=run_token_set)
    token_actions.add_parser("verify", help="check the token with TMDB").set_defaults(
        handler=run_token_verify
    )
    token_actions.add_parser("remove", help="forget the stored token").set_defaults(
        handler=run_token_remove
    )


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _settings(dirs: UserDirs, source: str) -> LookupSettings:
    token = None
    if source == "tmdb":
        try:
            token = tmdb_token()
        except CredentialError as err:
            raise CliError(f"the TMDB token cannot be read: {err}") from None
    return LookupSettings(token=token, dirs=dirs)


def run_search(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Print one line per film: id, title, year, directors."""
    try:
        hits = search_films(args.source, args.query, args.year, _settings(dirs, args.source))
    except FilmDataError as err:
        raise CliError(str(err)) from None
    for hit in hits:
        print(hit.line())
    return 0


def _fill(draft: Draft, path: Path, film_id: str, dirs: UserDirs, replace: bool) -> Merge:
    try:
        source, _ident = parse_film_id(film_id)
        merge, found = fill_draft(draft, path, film_id, _settings(dirs, source), replace)
    except (ValueError, FilmDataError) as err:
        raise CliError(str(err)) from None
    for warning in found.warnings:
        report_warning(warning)
    print(found.notice, file=sys.stderr)
    return merge


def _save(draft: Draft, path: Path) -> None:
    try:
        save_draft(draft, path)
    except DraftError as err:
        raise CliError(str(err)) from None


def run_new(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Write a new draft, filled from ``--film`` when given; never over an existing file."""
    path: Path = args.output
    if path.exists():
        raise CliError(f"{path}: already exists; use `postdesk fill` to fill it")
    if args.template not in TemplateLibrary.for_user(dirs).names():
        raise CliError(f"--template: there is no template called {args.template!r}")
    draft = new_draft()
    draft.post.template = args.template
    if args.film:
        draft.film = _fill(draft, path, args.film, dirs, replace=True).film
        draft.post.title = draft.film.title
    _save(draft, path)
    print(f"wrote {path}")
    return 0


def run_fill(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Fill the empty fields (all of them with ``--replace``) and list what was kept."""
    path: Path = args.draft
    draft = _load_to_fill(path)
    merge = _fill(draft, path, args.film, dirs, args.replace)
    draft.film = merge.film
    draft.post.title = draft.post.title or draft.film.title
    _save(draft, path)
    for difference in merge.differences:
        print(f"kept {difference.field}: yours {difference.current!r}, found {difference.found!r}")
    print(f"filled {path}")
    return 0


def _load_to_fill(path: Path) -> Draft:
    """The draft, refused when broken; empty titles are allowed since the fill brings them."""
    draft, problems = read_draft(path)
    blocking = [p for p in problems if p.blocking and p.path not in FILLED_TITLES]
    if draft is None or blocking:
        raise CliError(str(DraftError(path, blocking or problems)))
    return draft


def run_token_set(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Store the token, read from a hidden prompt or stdin, never from the command line."""
    if args.token_stdin:
        token = sys.stdin.readline()
    else:
        print(TOKEN_HELP, file=sys.stderr)
        token = getpass.getpass("TMDB API read access token: ")
    try:
        save_tmdb_token(token)
    except (ValueError, CredentialError) as err:
        raise CliError(f"the TMDB token was not stored: {err}") from None
    print("the TMDB token is stored in your keyring")
    return 0


def run_token_verify(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Ask TMDB whether the token works."""
    from postdesk.core.filmdata.tmdb import TmdbSource
    from postdesk.core.filmdata.web import WebClient

    settings = _settings(dirs, "tmdb")
    try:
        TmdbSource(WebClient("TMDB"), settings.token).verify()
    except FilmDataError as err:
        raise CliError(str(err)) from None
    print("TMDB accepts the token")
    return 0


def run_token_remove(args: argparse.Namespace, dirs: UserDirs) -> int:
    """Forget the stored token."""
    try:
        remove_tmdb_token()
    except CredentialError as err:
        raise CliError(str(err)) from None
    print("the TMDB token is removed from your keyring")
    return 0
