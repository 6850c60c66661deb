"""The publish journal: creates that were sent but never confirmed, kept beside the draft.

Before postdesk asks a blog to create a post, it writes the slug it chose, the account and
the time into a small sidecar next to the draft (``.NAME.postdesk.publishing``); the entry
goes once the draft file records the post. An entry that outlives its publish means the blog
may hold a post the draft does not know of (the answer was lost, the request timed out, the
app was killed, the record could not be saved), so the next publish looks that slug up before
it creates anything. Likewise a poster upload is noted before it is sent: only then may the
poster be on the blog unrecorded, so only then is it looked up by its content hash.

Why a sidecar and not the draft file: the draft stays untouched by a failed publish (the
window may hold it with unsaved edits and save it over any entry written into it, and a
read-only draft could not take the entry at all), while the sidecar is owned by the core
alone and follows the draft's real path, so every postdesk process and window finds it.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import requests
import urllib3.exceptions

from postdesk.core.atomic import write_atomic
from postdesk.core.drafts.model import Publication
from postdesk.core.publish.wordpress.errors import ServerError, WordPressError

SUFFIX = ".publishing"
RECORDED = "recorded_at"
"""The record's key for when its publish ended (UTC, to the microsecond): orders records."""
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


@dataclass(frozen=True)
class Unrecorded:
    """One account's notes as a publish found them when it started."""

    pending: Pending | None = None
    posters: tuple[str, ...] = ()
    published: Publication | None = None


@dataclass
class _Notes:
    """The journal's content: unconfirmed creates, and posters whose upload was attempted."""

    pending: dict[str, Pending] = field(default_factory=dict)
    uploads: dict[str, list[str]] = field(default_factory=dict)
    published: dict[str, Publication] = field(default_factory=dict)


class Journal:
    """The pending creates and uploads of one draft; in memory when the draft has no file."""

    def __init__(self, draft_file: Path | None) -> None:
        self.path = journal_path(draft_file) if draft_file is not None else None
        self._memory = _Notes()

    def pending(self, account: str) -> Pending | None:
        """The unconfirmed create on ``account``, if one may have reached the blog."""
        return self._read().pending.get(account)

    def notes_for(self, account: str) -> Unrecorded:
        """What may be on ``account``'s blog without the draft file knowing, read once."""
        notes = self._read()
        posters = tuple(notes.uploads.get(account, ()))
        return Unrecorded(notes.pending.get(account), posters, notes.published.get(account))

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

    def uploading(self, account: str, poster: str) -> None:
        """Note, before it is sent, an upload of the poster with content hash ``poster``."""
        notes = self._read()
        tried = notes.uploads.setdefault(account, [])
        if poster not in tried:
            tried.append(poster)
            self._write(notes)

    def upload_tried(self, account: str, poster: str) -> bool:
        """Whether an upload of this poster may be on the blog without the draft knowing."""
        return poster in self._read().uploads.get(account, [])

    def clear(self, account: str) -> None:
        """Forget ``account``'s create: it was refused, or certainly never sent."""
        notes = self._read()
        if notes.pending.pop(account, None) is not None:
            self._write(notes)

    def published(self, publication: Publication) -> Publication:
        """Note a publish's result until its caller saves it in the draft file.

        Returns it stamped with the time (see :func:`newer`). Written while the publish still
        holds the draft's lock, so the next publish, which may start before the caller has
        saved, starts from this post as it is now. It replaces the account's create and
        upload notes: the result names the post and the poster.
        """
        publication = replace(publication, extra={**publication.extra, RECORDED: _now_exact()})
        notes = self._read()
        notes.pending.pop(publication.account, None)
        notes.uploads.pop(publication.account, None)
        notes.published[publication.account] = publication
        self._write(notes)
        return publication

    def recorded(self, publication: Publication) -> None:
        """The draft file now holds ``publication``: forget the notes it makes needless.

        A result noted by a later publish of the same draft stays until its own caller
        saves it.
        """
        notes = self._read()
        account = publication.account
        noted = notes.published.get(account)
        if noted is not None and newer(noted, publication):
            return
        had = (
            notes.pending.pop(account, None),
            notes.uploads.pop(account, None),
            notes.published.pop(account, None),
        )
        if had != (None, None, None):
            self._write(notes)

    def _put(self, account: str, entry: Pending) -> None:
        notes = self._read()
        notes.pending[account] = entry
        self._write(notes)

    def _read(self) -> _Notes:
        if self.path is None:
            return copy.deepcopy(self._memory)
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            pending = {e["account"]: Pending(**e) for e in data["pending"]}
            uploads = {u["account"]: list(u["posters"]) for u in data.get("uploads", [])}
            published = {p["account"]: Publication(**p) for p in data.get("published", [])}
            return _Notes(pending, uploads, published)
        except FileNotFoundError:
            return _Notes()
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise JournalError(
                f"the publish journal {self.path} cannot be read ({err}); it notes posts that "
                "may already be on the blog. Check the blog, then delete the file."
            ) from err

    def _write(self, notes: _Notes) -> None:
        if self.path is None:
            self._memory = notes
            return
        try:
            if not notes.pending and not notes.uploads and not notes.published:
                self.path.unlink(missing_ok=True)
                return
            body: dict[str, Any] = {
                "pending": [asdict(e) for e in notes.pending.values()],
                "uploads": [{"account": a, "posters": p} for a, p in notes.uploads.items()],
                "published": [asdict(p) for p in notes.published.values()],
            }
            write_atomic(self.path, json.dumps(body, indent=2).encode("utf-8"))
        except OSError as err:
            raise JournalError(
                f"postdesk cannot write its publish journal {self.path} ({err.strerror}), "
                "which keeps a retry from making a second post; check the folder is writable."
            ) from err


def newer(one: Publication, other: Publication) -> bool:
    """Whether ``one`` was recorded by a later publish than ``other``.

    Publishes of one draft take turns and each stamps its record with the time it ended (a
    blog's ``modified_gmt`` can go back, when a scheduled post turns into a draft); a record
    without a stamp is from before postdesk stamped them, and older than any stamped one.
    """
    mine, theirs = one.extra.get(RECORDED), other.extra.get(RECORDED)
    return isinstance(mine, str) and (not isinstance(theirs, str) or mine > theirs)


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


def _now_exact() -> str:
    return _now().isoformat(timespec="microseconds")
