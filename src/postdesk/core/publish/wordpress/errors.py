"""What can go wrong talking to a blog, in the blogger's words and naming the account."""

from __future__ import annotations

from typing import Any


class WordPressError(Exception):
    """A publishing problem; ``str()`` is a sentence for the blogger, with no secret in it."""

    retryable = False

    def __init__(self, account: str, message: str, *, status: int | None = None) -> None:
        self.account = account
        self.status = status
        super().__init__(f"{account}: {message}")


class AuthenticationError(WordPressError):
    """The blog refused the user name or the application password."""


class PermissionDeniedError(WordPressError):
    """The user may not do this on the blog (a contributor publishing, say)."""


class NotWordPressError(WordPressError):
    """The address does not lead to a WordPress REST API."""


class ServerError(WordPressError):
    """The blog answered with a server error."""

    retryable = True


class ConnectionFailedError(WordPressError):
    """The blog could not be reached at all."""

    retryable = True


class TimedOutError(WordPressError):
    """The blog took too long to answer."""

    retryable = True


class MediaRejectedError(WordPressError):
    """The blog refused the poster file."""


class TermExistsError(WordPressError):
    """Creating a category or tag that exists already; ``term_id`` is the existing one."""

    def __init__(self, account: str, term_id: int) -> None:
        super().__init__(account, "the term exists already.", status=400)
        self.term_id = term_id


class ConflictError(WordPressError):
    """The post was changed on the blog since postdesk last published it."""


def error_for(account: str, status: int, body: Any, action: str) -> WordPressError:
    """The error a WordPress REST answer means, for ``action`` ("create the post", …)."""
    code = str(body.get("code", "")) if isinstance(body, dict) else ""
    detail = body.get("message", "") if isinstance(body, dict) else ""
    detail = f" WordPress says: “{detail}”" if isinstance(detail, str) and detail else ""
    if code == "term_exists":
        data = body.get("data") or {}
        return TermExistsError(account, int(data.get("term_id", 0)))
    if code.startswith("rest_upload") or code == "rest_invalid_param" and "media" in action:
        return MediaRejectedError(account, f"the blog refused the poster.{detail}", status=status)
    if status == 401 or code in {"incorrect_password", "invalid_username", "rest_not_logged_in"}:
        return AuthenticationError(
            account,
            f"the blog refused the user name or application password while trying to {action}. "
            "Check them in Accounts (create a new application password if needed).",
            status=status,
        )
    if status == 403 or code.startswith("rest_cannot_"):
        return PermissionDeniedError(
            account, f"this user is not allowed to {action} on the blog.{detail}", status=status
        )
    if status == 404:
        return NotWordPressError(
            account,
            f"the blog has no REST API route to {action} (is the address right, and is the "
            f"WordPress REST API enabled?).{detail}",
            status=status,
        )
    if status == 413:
        return MediaRejectedError(account, "the file is too big for the blog.", status=status)
    if status >= 500:
        return ServerError(
            account,
            f"the blog had a server error ({status}) while trying to {action}.{detail}",
            status=status,
        )
    return WordPressError(
        account, f"the blog refused to {action} ({status}).{detail}", status=status
    )
