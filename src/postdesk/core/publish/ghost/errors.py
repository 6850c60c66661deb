"""What a Ghost Admin API answer means, in the blogger's words and naming the account.

Ghost's failures map onto the same error classes as WordPress's, so the publish flow, the CLI
and the window treat both engines alike (a conflict asks the same question, for instance).
"""

from __future__ import annotations

from typing import Any

from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConflictError,
    MediaRejectedError,
    NotWordPressError,
    PermissionDeniedError,
    ServerError,
    WordPressError,
    unavailable,
)


class NotGhostError(NotWordPressError):
    """The address does not lead to a Ghost Admin API."""


def _first_error(body: Any) -> dict[str, Any]:
    if isinstance(body, dict):
        errors = body.get("errors")
        if isinstance(errors, list) and errors and isinstance(errors[0], dict):
            return errors[0]
    return {}


def error_for(account: str, status: int, body: Any, action: str) -> WordPressError:
    """The error a Ghost answer means, for ``action`` ("create the post", …)."""
    error = _first_error(body)
    kind = str(error.get("type", ""))
    message = str(error.get("message") or "")
    context = str(error.get("context") or "")
    said = " ".join(part for part in (message, context) if part)
    detail = f" Ghost says: “{said}”" if said else ""
    if status == 409 or kind == "UpdateCollisionError":
        return ConflictError(
            account,
            "the post was changed on the blog since postdesk last published it. Publishing "
            "again would overwrite those changes.",
            status=status,
        )
    if status == 401 or kind == "UnauthorizedError":
        return AuthenticationError(account, _key_problem(message, action), status=status)
    if status == 403 or kind == "NoPermissionError":
        return PermissionDeniedError(
            account, f"the Admin API key may not {action} on this site.{detail}", status=status
        )
    if status == 404 and not error:
        return NotGhostError(
            account,
            f"the address has no Ghost Admin API to {action}: is it the Ghost site's address?",
            status=status,
        )
    if status == 413:
        return MediaRejectedError(account, "the file is too big for the site.", status=status)
    if "image" in action and status in {400, 415, 422}:
        return MediaRejectedError(account, f"the site refused the poster.{detail}", status=status)
    if status in {429, 503}:
        return unavailable(account, status, action, blog="site")
    if status >= 500:
        return ServerError(
            account,
            f"the site had a server error ({status}) while trying to {action}.{detail}",
            status=status,
        )
    return WordPressError(
        account, f"the site refused to {action} ({status}).{detail}", status=status
    )


def _key_problem(message: str, action: str) -> str:
    """Why Ghost refused the key: unknown (a deleted integration) or wrong."""
    lowered = message.lower()
    if "unknown admin api key" in lowered:
        return (
            f"the site does not know this Admin API key (was its integration deleted?) while "
            f"trying to {action}. Create a custom integration in Ghost's Settings → "
            "Integrations and paste its Admin API key in Accounts."
        )
    return (
        f"the site refused the Admin API key while trying to {action}. Copy the Admin API key "
        "again from Ghost's Settings → Integrations and paste it in Accounts."
    )
