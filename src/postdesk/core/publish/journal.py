"""The publish journal: creates that were sent but never confirmed, kept beside the draft.

Before postdesk asks a blog to create a post, it writes the slug it chose, the account and
the time into a small sidecar next to the draft (``.NAME.postdesk.publishing``); the entry
goes once the draft file records the post. An entry that outlives its publish means the blog
may hold a post the draft does not know of (the answer was lost, the request timed out, the
app was killed, the record could not be saved), so the next publish looks that slug up before
it creates anything.

Why a sidecar and not the draft file: the draft stays untouched by a failed publish (the
window may hold it with unsaved edits and save it over any entry written into it, and a
read-only draft could not take the entry at all), while the sidecar is owned by the core
alone and follows the draft's real path, so every postdesk process and window finds it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import requests
import urllib3.exceptions

from postdesk.core.atomic import write_atomic
from postdesk.core.publish.wordpress.errors import ServerError, WordPressError

SUFFIX = ".publishing"
SETTLE_TIME = dt.timedelta(minutes=5)
"""How long a create that got no answer may still be landing on the blog."""


class JournalError(Exception):
    """The journal cannot be read or written; the message names the file."""


class UnconfirmedPostError(WordPressError):
    """A create got no answer: the post may be on the blog; publishing again will not copy it."""

    retryable = True


@dataclass(frozen=True)
class Pending:
    """A create sent to ``account`` as ``slug`` and never confirmed."""

    account: str
    slug: str
    title: str
    started: str
    settles: str | None = None

    def settles_at(self) -> dt.datetime:
        """When a post sent by this create can no longer be on its way."""
        if self.settles:
            return dt.datetime.fromisoformat(self.settles)
        return dt.datetime.fromisoformat(self.started) + SETTLE_TIME

    def settled(self) -> bool:
        """Whether a post this create sent would be on the blog by now."""
        return _now() >= self.settles_at()


def journal_path(draft_file: Path) -> Path:
    """The sidecar beside the draft's real file (a symlinked draft shares its target's)."""
    real = draft_file.resolve()
    return real.with_name(f".{real.name}{SUFFIX}")


class Journal:
    """The pending creates of one draft; in memory only when the draft has no file."""

    def __init__(self, draft_file: Path | None) -> None:
        self.path = journal_path(draft_file) if draft_file is not None else None
        self._memory: dict[str, Pending] = {}

    def pending(self, account: str) -> Pending | None:
        """The unconfirmed create on ``account``, if one may have reached the blog."""
        return self._entries().get(account)

    def begin(self, account: str, slug: str, title: str) -> Pending:
        """Note a create about to be sent; written (and synced) before the request goes."""
        entry = Pending(account, slug, title, _now().isoformat())
        self._put(account, entry)
        return entry

    def unanswered(self, entry: Pending, may_still_arrive: bool) -> Pending:
        """Note that the create got no answer, and until when it may still land."""
        settles = _now() + SETTLE_TIME if may_still_arrive else _now()
        updated = Pending(
            entry.account, entry.slug, entry.title, entry.started, settles.isoformat()
        )
        self._put(entry.account, updated)
        return updated

    def confirmed(self, account: str) -> None:
        """Note that the create arrived: the entry stays until the draft records the post.

        Should the record not be saved, the next publish finds the post by the entry's slug
        at once (it is no longer on its way) and updates it.
        """
        entry = self._entries().get(account)
        if entry is not None:
            self._put(account, Pending(**{**asdict(entry), "settles": _now().isoformat()}))

    def clear(self, account: str) -> None:
        """Forget ``account``'s entry: its post is recorded in the draft, or was refused."""
        entries = self._entries()
        if entries.pop(account, None) is not None:
            self._write(entries)

    def _put(self, account: str, entry: Pending) -> None:
        entries = self._entries()
        entries[account] = entry
        self._write(entries)

    def _entries(self) -> dict[str, Pending]:
        if self.path is None:
            return dict(self._memory)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return {e["account"]: Pending(**e) for e in data["pending"]}
        except FileNotFoundError:
            return {}
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise JournalError(
                f"the publish journal {self.path} cannot be read ({err}); it notes posts that "
                "may already be on the blog. Check the blog, then delete the file."
            ) from err

    def _write(self, entries: dict[str, Pending]) -> None:
        if self.path is None:
            self._memory = entries
            return
        try:
            if not entries:
                self.path.unlink(missing_ok=True)
                return
            body: dict[str, Any] = {"pending": [asdict(e) for e in entries.values()]}
            write_atomic(self.path, json.dumps(body, indent=2).encode("utf-8"))
        except OSError as err:
            raise JournalError(
                f"postdesk cannot write its publish journal {self.path} ({err.strerror}), "
                "which keeps a retry from making a second post; check the folder is writable."
            ) from err


def unconfirmed(error: WordPressError, entry: Pending) -> UnconfirmedPostError:
    """The error for a create that got no answer and whose post was not found (yet)."""
    failure = str(error).removeprefix(f"{entry.account}: ")
    return UnconfirmedPostError(
        entry.account,
        f"{failure} The post may already be on the blog (as “{entry.slug}”): publishing "
        "this draft again will find it there and not make a second one.",
    )


def still_arriving(account: str, entry: Pending) -> UnconfirmedPostError:
    """The error for a publish while an unanswered create may still land on the blog."""
    when = entry.settles_at().astimezone().strftime("%H:%M")
    return UnconfirmedPostError(
        account,
        f"the last publish of this draft got no answer from the blog, and its post "
        f"(“{entry.slug}”) has not appeared there yet, but it may still arrive. Publish again "
        f"after {when}: postdesk will update that post if it arrived, or create it then. "
        "Publishing again will not make a second post.",
    )


def never_sent(error: WordPressError) -> bool:
    """Whether the request certainly never reached the blog (no connection was made)."""
    cause = error.__cause__
    if isinstance(cause, requests.ConnectTimeout):
        return True
    reason = cause.args[0] if isinstance(cause, requests.ConnectionError) and cause.args else None
    reason = getattr(reason, "reason", reason)
    return isinstance(reason, urllib3.exceptions.NewConnectionError)


def may_still_arrive(error: WordPressError) -> bool:
    """Whether the blog may still be working on the request (a 500 or 503 is its last word)."""
    return not isinstance(error, ServerError) or error.status in {502, 504}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
