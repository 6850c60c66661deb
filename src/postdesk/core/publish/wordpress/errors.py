"""What can go wrong talking to a blog, in the blogger's words and naming the account."""

from __future__ import annotations

import re
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


class CertificateError(WordPressError):
    """The blog's TLS certificate could not be verified: not a network problem, not retried."""


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
    if status in {429, 503}:
        return unavailable(account, status, action)
    if status >= 500:
        return ServerError(
            account,
            f"the blog had a server error ({status}) while trying to {action}.{detail}",
            status=status,
        )
    return WordPressError(
        account, f"the blog refused to {action} ({status}).{detail}", status=status
    )


def unavailable(account: str, status: int, action: str, blog: str = "blog") -> ServerError:
    """503 (or 429): the blog is there but will not serve now; saying so beats guessing."""
    return ServerError(
        account,
        f"the {blog} is unavailable or overloaded ({status}) while trying to {action}: it may "
        "be under maintenance or too busy: try again later.",
        status=status,
    )


def redirected(account: str, status: int, location: str, action: str) -> WordPressError:
    """A request that changes something was answered with a redirect, which is not followed.

    ``requests`` would repeat a redirected POST as a GET (301, 302), so the post would never be
    sent, or send it to an address the user never chose.
    """
    from postdesk.core.publish.accounts import shown_url, site_of

    return WordPressError(
        account,
        f"the blog redirected the request ({status}) to {shown_url(location)} while trying to "
        f"{action}, so postdesk stopped: nothing was sent there. If the blog moved, change the "
        f"account's address to {site_of(location)} in Accounts.",
        status=status,
    )


def tls_failure(account: str, host: str, error: BaseException) -> CertificateError:
    """Why a secure connection failed, apart from the network: usually the certificate."""
    text = str(error)
    found = re.search(r"certificate verify failed: ([^()']+)", text)
    if found or "CERTIFICATE_VERIFY_FAILED" in text:
        reason = f" ({found.group(1).strip()})" if found else ""
        return CertificateError(
            account,
            f"the security certificate of {host} could not be verified{reason}, so postdesk "
            "did not connect and nothing was sent. The certificate may have expired, be "
            "self-signed or belong to another site: have it fixed on the server, or check "
            "the address.",
        )
    return CertificateError(
        account,
        f"a secure (TLS) connection to {host} could not be set up, so nothing was sent. "
        "The site's https set-up may be broken: check the address, or ask the host.",
    )
