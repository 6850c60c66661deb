"""A small client for Ghost's Admin API: what publishing a post needs, and no more.

Each request carries a fresh short-lived token: an HS256 JWT (``kid`` = key id, ``aud`` =
``/admin/``, five minutes) signed with the hex-decoded secret of the Admin API key, made by
PyJWT. ``Accept-Version`` is pinned to the Ghost major the tests run against. The key is sent
only over https, or over http to this machine, and appears in no message, log line or ``repr``.
A create (POST) is never retried blindly: after a lost answer the post is looked up by the
slug the client chose, so a retry never makes a second post.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin

import jwt
import requests

from postdesk.core.drafts.posters import PosterError, read_poster
from postdesk.core.publish.accounts import (
    Account,
    account_site_url,
    connected_host,
    may_carry_secret,
    normalize_site_url,
)
from postdesk.core.publish.ghost.errors import NotGhostError, error_for
from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConnectionFailedError,
    MediaRejectedError,
    TimedOutError,
    WordPressError,
    redirected,
    tls_failure,
)
from postdesk.core.publish.wordpress.transport import (
    DEFAULT_TIMEOUT,
    UPLOAD_TIMEOUT,
    build_session,
    timed_out,
)

ACCEPT_VERSION = "v5.130"
TOKEN_LIFETIME = dt.timedelta(minutes=5)
KEY_PATTERN = re.compile(r"^([0-9a-f]{24}):([0-9a-f]{64})$")
INTEGRATIONS_PAGE = "/ghost/#/settings/integrations"


@dataclass(frozen=True)
class GhostPost:
    """A post as the Ghost site stores it."""

    id: str
    url: str
    status: str
    slug: str
    title: str
    html: str
    updated_at: str
    feature_image: str | None


class AdminKey:
    """An Admin API key ``id:secret``; its ``repr`` shows the id only."""

    def __init__(self, account: str, text: str) -> None:
        match = KEY_PATTERN.match(text.strip().lower())
        if match is None:
            raise AuthenticationError(
                account,
                "the Admin API key is not in Ghost's form (24 hex digits, a colon, 64 hex "
                "digits): copy it again from Ghost's Settings → Integrations.",
            )
        self.id = match.group(1)
        self._secret = bytes.fromhex(match.group(2))

    def __repr__(self) -> str:
        return f"AdminKey(id={self.id!r})"

    def token(self) -> str:
        """A JWT for the Admin API, valid five minutes from now."""
        now = dt.datetime.now(dt.UTC)
        claims = {"iat": now, "exp": now + TOKEN_LIFETIME, "aud": "/admin/"}
        return jwt.encode(claims, self._secret, algorithm="HS256", headers={"kid": self.id})


def integrations_page(url: str) -> str:
    """The Ghost admin page where an Admin API key is created."""
    return normalize_site_url(url) + INTEGRATIONS_PAGE


def _post(data: dict[str, Any]) -> GhostPost:
    return GhostPost(
        id=str(data["id"]),
        url=str(data.get("url") or ""),
        status=str(data.get("status") or ""),
        slug=str(data.get("slug") or ""),
        title=str(data.get("title") or ""),
        html=str(data.get("html") or ""),
        updated_at=str(data.get("updated_at") or ""),
        feature_image=data.get("feature_image"),
    )


class GhostClient:
    """One account's connection to its Ghost site."""

    def __init__(
        self,
        account: Account,
        key: str,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.account = account
        self.site_url = account_site_url(account)
        self.api = f"{self.site_url}/ghost/api/admin"
        self._key = AdminKey(account.name, key)
        self.session = session or build_session()
        self.timeout = timeout
        self.requests_made = 0

    def __repr__(self) -> str:
        return f"GhostClient({self.account.name!r}, {self.site_url!r})"

    # -- transport -------------------------------------------------------------------------------

    def _request(
        self, method: str, path: str, action: str, *, auth: bool = True, **kwargs: Any
    ) -> Any:
        headers = {"Accept-Version": ACCEPT_VERSION, "Accept": "application/json"}
        if auth and not may_carry_secret(self.api + path):
            raise WordPressError(
                self.account.name, "refusing to send the Admin API key over plain http."
            )
        if auth:
            headers["Authorization"] = f"Ghost {self._key.token()}"
        kwargs.setdefault("timeout", self.timeout)
        name = self.account.name
        self.requests_made += 1
        redirects = kwargs.setdefault("allow_redirects", method in {"GET", "HEAD"})
        try:
            answer = self.session.request(method, self.api + path, headers=headers, **kwargs)
        except requests.exceptions.SSLError as err:
            raise tls_failure(name, connected_host(self.site_url), err) from None
        except (requests.Timeout, requests.ConnectionError) as err:
            # the cause stays: it tells whether the request ever reached the site
            if timed_out(err):
                raise TimedOutError(name, f"the site took too long to {action}.") from err
            raise ConnectionFailedError(
                name, f"could not reach {self.site_url} to {action}: check the network."
            ) from err
        except requests.RequestException as err:
            raise ConnectionFailedError(
                name, f"could not {action}: {type(err).__name__}."
            ) from None
        if answer.is_redirect and not redirects:
            location = urljoin(answer.url, answer.headers["Location"])
            raise redirected(name, answer.status_code, location, action)
        try:
            body = answer.json() if answer.content else {}
        except ValueError:
            body = None
        if answer.status_code >= 400:
            raise error_for(name, answer.status_code, body, action)
        if not isinstance(body, dict):
            raise NotGhostError(
                name, f"{self.site_url} answered, but not as a Ghost site would ({action})."
            )
        return body

    # -- site and key ----------------------------------------------------------------------------

    def discover(self) -> str:
        """Check the address is a Ghost site and the key works; return Ghost's version."""
        body = self._request("GET", "/site/", "reach the site", auth=False)
        site = body.get("site")
        if not isinstance(site, dict) or "version" not in site:
            raise NotGhostError(
                self.account.name, f"{self.site_url} is not a Ghost site (no Admin API found)."
            )
        self._request("GET", "/posts/?limit=1&fields=id", "check the Admin API key")
        return str(site["version"])

    # -- images ----------------------------------------------------------------------------------

    def upload_image(self, path: Path, filename: str) -> str:
        """Upload a poster; return its address on the site. Anything but an image stays here."""
        try:
            image = read_poster(path)
        except PosterError as err:
            raise MediaRejectedError(self.account.name, f"the poster {err}.") from err
        filename = str(Path(filename).with_suffix(image.extension))
        body = self._request(
            "POST",
            "/images/upload/",
            "upload the poster image",
            files={"file": (filename, image.data, image.mime)},
            data={"purpose": "image", "ref": filename},
            timeout=UPLOAD_TIMEOUT,
        )
        return str(body["images"][0]["url"])

    def find_image(self, filename: str, now: dt.datetime | None = None) -> str | None:
        """The address of an image uploaded as ``filename``, if the site holds one.

        Ghost has no image library to search, but keeps an upload under its own name in
        ``content/images/YYYY/MM/``: a name made from the poster's content hash finds an upload
        whose answer was lost. This month's folder and last month's are looked at.
        """
        moment = now or dt.datetime.now(dt.UTC)
        last_month = moment.replace(day=1) - dt.timedelta(days=1)
        for month in (moment, last_month):
            url = f"{self.site_url}/content/images/{month:%Y/%m}/{quote(filename)}"
            if self._image_exists(url):
                return url
        return None

    def _image_exists(self, url: str) -> bool:
        self.requests_made += 1
        try:
            answer = self.session.head(url, timeout=self.timeout, allow_redirects=False)
        except requests.RequestException as err:
            raise ConnectionFailedError(
                self.account.name, f"could not reach {self.site_url} to look up the poster."
            ) from err
        return answer.status_code == 200

    # -- posts -----------------------------------------------------------------------------------

    def get_post(self, post_id: str) -> GhostPost | None:
        """The post with this id, or None when it was deleted on the site."""
        try:
            body = self._request(
                "GET", f"/posts/{quote(post_id)}/?formats=html", "look up the post"
            )
        except WordPressError as err:
            if err.status == 404:
                return None
            raise
        return _post(body["posts"][0])

    def post_with_slug(self, slug: str) -> GhostPost | None:
        """The post carrying ``slug`` (any status), or None."""
        try:
            body = self._request(
                "GET", f"/posts/slug/{quote(slug)}/?formats=html", "look up the post"
            )
        except WordPressError as err:
            if err.status == 404:
                return None
            raise
        return _post(body["posts"][0])

    def create_post(self, fields: dict[str, Any]) -> GhostPost:
        """Create a post from ``fields`` (``html`` is converted by Ghost); never sent twice.

        After a time-out or a lost connection the post is looked up by its slug (which the
        caller chose and noted in the publish journal); when it is not there (yet) the error
        is raised, and the caller decides whether sending again is safe.
        """
        try:
            return self._send_create(fields)
        except WordPressError as err:
            if not err.retryable or not fields.get("slug"):
                raise
            arrived = self.post_with_slug(str(fields["slug"]))
            if arrived is not None:
                return arrived
            raise

    def _send_create(self, fields: dict[str, Any]) -> GhostPost:
        body = self._request(
            "POST", "/posts/?source=html&formats=html", "create the post", json={"posts": [fields]}
        )
        return _post(body["posts"][0])

    def update_post(self, post_id: str, fields: dict[str, Any], updated_at: str) -> GhostPost:
        """Update a post; Ghost refuses (ConflictError) if it changed since ``updated_at``."""
        payload = {**fields, "updated_at": updated_at}
        body = self._request(
            "PUT",
            f"/posts/{quote(post_id)}/?source=html&formats=html",
            "update the post",
            json={"posts": [payload]},
        )
        return _post(body["posts"][0])
