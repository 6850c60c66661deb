"""The engine an account names: the window and the command line never ask which blog runs.

Every engine goes through the same flow (:func:`~postdesk.core.publish.flow.publish_draft`),
which keeps the promises (one post per draft and blog, conflicts caught, the caller recording
the post only on success); this module only picks the engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Union

from postdesk.core.publish.accounts import Account, AccountError

if TYPE_CHECKING:
    from postdesk.core.publish.engine import BlogEngine
    from postdesk.core.publish.ghost.client import GhostClient
    from postdesk.core.publish.wordpress.client import WordPressClient

ENGINE_NAMES = {"wordpress": "WordPress", "ghost": "Ghost"}

Client = Union["WordPressClient", "GhostClient", "BlogEngine"]
"""What a caller may hand the flow: a client of either engine, or an engine."""


def engine_for(account: Account, secret: str, client: Client | None = None) -> BlogEngine:
    """The engine for ``account`` (over ``client`` when given, else a new client)."""
    from postdesk.core.publish.ghost.client import GhostClient
    from postdesk.core.publish.ghost.engine import GhostEngine
    from postdesk.core.publish.wordpress.client import WordPressClient
    from postdesk.core.publish.wordpress.engine import WordPressEngine

    if isinstance(client, WordPressClient):
        return WordPressEngine(client)
    if isinstance(client, GhostClient):
        return GhostEngine(client)
    if client is not None:
        return client
    if account.engine == "ghost":
        return GhostEngine(GhostClient(account, secret))
    if account.engine == "wordpress":
        return WordPressEngine(WordPressClient(account, secret))
    known = ", ".join(ENGINE_NAMES)
    raise AccountError(f"{account.name}: unknown blog engine “{account.engine}” (known: {known})")
