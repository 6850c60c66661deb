"""Sending a post so that a retry never makes a second one: the publish flow's last step.

A create is noted in the publish journal first, under a slug chosen here; after a create that
got no answer, its post is looked up by that slug (in any status) before anything is sent
again, now or by a later publish, whatever the title has become meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from postdesk.core.publish.engine import BlogEngine, BlogPost
from postdesk.core.publish.journal import (
    Journal,
    Pending,
    Unrecorded,
    may_still_arrive,
    never_sent,
    still_arriving,
    unconfirmed,
)
from postdesk.core.publish.results import PublishError
from postdesk.core.publish.slugs import slugify
from postdesk.core.publish.wordpress.errors import WordPressError

MAX_SLUG_ATTEMPTS = 20


class PostSender:
    """Creates or updates one post through ``engine``, keeping the journal."""

    def __init__(self, engine: BlogEngine, journal: Journal, notes: Unrecorded, title: str) -> None:
        self.engine, self.journal, self.notes, self.title = engine, journal, notes, title
        self.account = engine.account
        self.checking: Callable[[], None] = lambda: None
        """Called before looking for a post an earlier create may have made."""

    def send(self, fields: dict[str, Any], existing: BlogPost | None) -> tuple[BlogPost, bool]:
        """Update ``existing``, take up an earlier create's post, or create; and whether new."""
        if existing is not None:
            return self.engine.update_post(existing, fields), False
        pending = self.journal.pending(self.account.name) or self.notes.pending
        if pending is not None:
            return self._resume(pending, fields)
        slug, adopt = self._free_slug(fields)
        if adopt is not None:
            return self.engine.update_post(adopt, fields), False
        return self._create(slug, fields)

    def _create(
        self, slug: str, fields: dict[str, Any], *, again: bool = True
    ) -> tuple[BlogPost, bool]:
        """Create the post, noted in the journal first; sent again only when surely not there."""
        entry = self.journal.begin(self.account.name, slug, self.title)
        try:
            return self.engine.create_post({**fields, "slug": slug}), True
        except WordPressError as err:
            if not err.retryable or never_sent(err):
                self.journal.clear(self.account.name)  # refused or never sent: no post
                raise
            return self._unanswered(err, entry, fields, again)

    def _unanswered(
        self, err: WordPressError, entry: Pending, fields: dict[str, Any], again: bool
    ) -> tuple[BlogPost, bool]:
        """After a create without an answer: find its post, or say it may be on the blog."""
        still = may_still_arrive(err)
        entry = self.journal.unanswered(entry, still)
        try:
            arrived = self._sent_earlier(entry.slug)  # only the answer may have been lost
        except WordPressError:
            raise unconfirmed(err, entry) from err
        if arrived is not None:
            return self.engine.update_post(arrived, fields), True
        if still:
            raise unconfirmed(err, entry) from err
        # The blog gave its last word (a 500 or 503) and holds no such post: none was made.
        if again:
            return self._create(entry.slug, fields, again=False)
        self.journal.clear(self.account.name)
        raise err

    def _resume(self, pending: Pending, fields: dict[str, Any]) -> tuple[BlogPost, bool]:
        """An earlier create got no answer: adopt its post, wait for it, or send it again."""
        arrived = self._sent_earlier(pending.slug)
        if arrived is not None:
            return self.engine.update_post(arrived, fields), True
        if not pending.settled():
            raise still_arriving(self.account.name, pending)
        return self._create(pending.slug, fields)  # the journal's slug, whatever the title now

    def _sent_earlier(self, slug: str) -> BlogPost | None:
        """The post an unanswered create made, in whatever state the blog now has it."""
        self.checking()
        return next(iter(self.engine.find_posts(slug)), None)

    def _free_slug(self, fields: Mapping[str, Any]) -> tuple[str, BlogPost | None]:
        """A slug no post uses yet, or the post that already carries exactly this content."""
        base = slugify(self.title)
        for attempt in range(1, MAX_SLUG_ATTEMPTS + 1):
            slug = base if attempt == 1 else f"{base}-{attempt}"
            taken = self.engine.find_posts(slug)
            ours = next((p for p in taken if self.engine.is_ours(p, fields)), None)
            if ours is not None:
                return slug, ours
            if not taken:
                return slug, None
        raise PublishError(f"post.title: {MAX_SLUG_ATTEMPTS} posts already use the slug “{base}”")
