"""What a publish gives back, and how it fails: shared by the flow, the engines and callers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from postdesk.core.drafts.model import Publication
from postdesk.core.publish.steps import PublishStep


class PublishError(Exception):
    """The draft cannot be published as it is (no poster file, a schedule in the past…)."""


class PublishCancelledError(Exception):
    """The user cancelled before the post was sent; the message says what was left behind."""


@dataclass(frozen=True)
class PublishResult:
    """Where the post now is, and the record the caller keeps in the draft."""

    account: str
    post_id: int
    link: str
    status: str
    created: bool
    publication: Publication


Progress = Callable[[PublishStep], None]
Cancelled = Callable[[], bool]
