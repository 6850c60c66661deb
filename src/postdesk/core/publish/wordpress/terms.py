"""Categories and tags by name: one list call per taxonomy, the new ones created in one batch.

WordPress's batch API (5.6+) takes up to 25 requests at once; a blog without it gets one
create per new term. A create of a term that exists is refused with its id, so a batch whose
answer was lost is safe to send again.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from postdesk.core.publish.slugs import slugify
from postdesk.core.publish.wordpress.errors import (
    NotWordPressError,
    TermExistsError,
    WordPressError,
    error_for,
)

if TYPE_CHECKING:
    from postdesk.core.publish.wordpress.client import WordPressClient

MAX_BATCH = 25
"""WordPress's limit on the requests of one batch."""


class TermResolver:
    """Term ids for one client; remembers whether the blog has the batch API."""

    def __init__(self, client: WordPressClient) -> None:
        self.client = client
        self._batch_works = True

    def resolve(self, wanted: Mapping[str, list[str]]) -> dict[str, list[int]]:
        """The ids of the terms named per taxonomy (``categories``, ``tags``), created if new.

        One list call per taxonomy finds every term whose slug the names would have; the
        names that miss are all created in one batch request (WordPress 5.6+), which is safe
        to send again: a term that exists is refused with its id.
        """
        names = {tax: _clean(items) for tax, items in wanted.items()}
        known = {tax: self._terms_named(tax, items) for tax, items in names.items() if items}
        missing = [(tax, n) for tax, items in names.items() for n in items if n.casefold()
                   not in known.get(tax, {})]  # fmt: skip
        for (tax, name), term_id in zip(missing, self._create_terms(missing), strict=True):
            known[tax][name.casefold()] = term_id
        return {tax: [known[tax][n.casefold()] for n in items] for tax, items in names.items()}

    def _terms_named(self, taxonomy: str, names: list[str]) -> dict[str, int]:
        slugs = ",".join(dict.fromkeys(slugify(name) for name in names))
        found = self.client.get(
            f"wp/v2/{taxonomy}",
            {"slug": slugs, "per_page": 100, "_fields": "id,name,slug"},
            action=f"look up the {taxonomy}",
        )
        return _terms_by_name(found)

    def _create_terms(self, missing: list[tuple[str, str]]) -> list[int]:
        """Create terms in batches; one by one on a blog without the batch API."""
        ids: list[int] = []
        for start in range(0, len(missing), MAX_BATCH):
            chunk = missing[start : start + MAX_BATCH]
            if len(chunk) == 1 or not self._batch_works:
                ids += [self._term_id(tax, name) for tax, name in chunk]
                continue
            calls = [
                {"method": "POST", "path": f"/wp/v2/{tax}", "body": {"name": name}}
                for tax, name in chunk
            ]
            try:
                answer = self._batch(calls)
            except WordPressError as err:
                if err.status not in {400, 404} or err.retryable:
                    raise
                self._batch_works = False  # no batch API (before 5.6), or not for terms
                ids += [self._term_id(tax, name) for tax, name in chunk]
                continue
            ids += [self._batched_term_id(tax, name, reply) for (tax, name), reply in answer]
        return ids

    def _batch(self, calls: list[dict[str, Any]]) -> list[tuple[tuple[str, str], Any]]:
        body = {"validation": "normal", "requests": calls}
        action = "create the categories and tags"
        try:
            data = self.client.post("batch/v1", body, action=action)
        except WordPressError as err:
            if not err.retryable:
                raise
            data = self.client.post("batch/v1", body, action=action)  # a term exists: its id again
        replies = data.get("responses") if isinstance(data, dict) else None
        if not isinstance(replies, list) or len(replies) != len(calls):
            raise NotWordPressError(
                self.client.account.name, f"the blog did not {action}.", status=400
            )
        names = [(c["path"].rsplit("/", 1)[1], c["body"]["name"]) for c in calls]
        return list(zip(names, replies, strict=True))

    def _batched_term_id(self, taxonomy: str, name: str, reply: Any) -> int:
        body = reply.get("body") if isinstance(reply, dict) else None
        status = int(reply.get("status") or 0) if isinstance(reply, dict) else 0
        if status < 300 and isinstance(body, dict) and "id" in body:
            return int(body["id"])
        kind = "category" if taxonomy == "categories" else "tag"
        error = error_for(
            self.client.account.name, status or 500, body, f"create the {kind} “{name}”"
        )
        if isinstance(error, TermExistsError):
            return error.term_id
        raise error

    def _term_id(self, taxonomy: str, wanted: str) -> int:
        """The id of a term its slug did not find: created, or named by WordPress's refusal.

        WordPress answers ``term_exists`` with the id when a term of that name exists
        under another slug, so no search is needed first.
        """
        kind = "category" if taxonomy == "categories" else "tag"
        try:
            created = self.client.post(
                f"wp/v2/{taxonomy}", {"name": wanted}, action=f"create the {kind} “{wanted}”"
            )
        except TermExistsError as err:  # created meanwhile, or a name search did not match
            return err.term_id
        return int(created["id"])


def _clean(names: list[str]) -> list[str]:
    """Names stripped, blank ones dropped, each once."""
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


def _terms_by_name(found: Any) -> dict[str, int]:
    """Term ids by their name, case-folded (WordPress sends names HTML-escaped)."""
    terms = found if isinstance(found, list) else []
    return {
        html.unescape(str(term.get("name", ""))).casefold(): int(term["id"])
        for term in terms
        if isinstance(term, dict) and "id" in term
    }
