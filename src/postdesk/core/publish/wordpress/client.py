"""A small client for the WordPress REST API: what publishing a post needs, and no more.

Every request has connect and read time-outs. Only idempotent requests (GET, HEAD, PUT,
DELETE) are retried by the transport, with backoff, on connection errors, time-outs and
502/503/504; a create (POST) is never retried blindly: :mod:`postdesk.core.publish.flow` looks
the post up first. The password is sent only over https, or over http to this machine, and
appears in no message, log line or ``repr``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin, urlsplit

import requests

from postdesk.core.drafts.posters import PosterError, read_poster
from postdesk.core.publish.accounts import (
    Account,
    account_site_url,
    connected_host,
    may_carry_secret,
    same_site,
)
from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConnectionFailedError,
    MediaRejectedError,
    NotWordPressError,
    TimedOutError,
    WordPressError,
    error_for,
    redirected,
    tls_failure,
    unavailable,
)
from postdesk.core.publish.wordpress.transport import (
    DEFAULT_TIMEOUT,
    UPLOAD_TIMEOUT,
    build_session,
    timed_out,
)

if TYPE_CHECKING:
    from postdesk.core.publish.wordpress.terms import TermResolver

API_REL = "https://api.w.org/"
EVERY_STATUS = "publish,future,draft,pending,private"
"""What a slug look-up asks for: every status but trash (needs ``context=edit`` and a login)."""


@dataclass(frozen=True)
class BlogUser:
    """Who the application password belongs to, and what they may do."""

    id: int
    name: str
    roles: tuple[str, ...]
    can_publish: bool
    can_upload: bool

    @property
    def summary(self) -> str:
        """Who the account is and what they may do: "Edith (administrator), may publish posts"."""
        rights = "may publish posts" if self.can_publish else "may write drafts but not publish"
        return f"{self.name} ({', '.join(self.roles) or 'no role'}), {rights}"


@dataclass(frozen=True)
class RemotePost:
    """A post as the blog stores it."""

    id: int
    link: str
    status: str
    slug: str
    title: str
    content_raw: str
    modified_gmt: str
    featured_media: int
    categories: tuple[int, ...] = ()
    tags: tuple[int, ...] = ()


@dataclass(frozen=True)
class Media:
    """An uploaded file in the blog's media library."""

    id: int
    source_url: str


class WordPressClient:
    """One account's connection to its blog."""

    def __init__(
        self,
        account: Account,
        password: str,
        *,
        session: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    ) -> None:
        self.account = account
        self.site_url = account_site_url(account)
        self._auth = (account.username, password)
        self._session = session or build_session()
        self._timeout = timeout
        self._api_root: str | None = None
        self._terms: TermResolver | None = None

    def __repr__(self) -> str:
        return f"WordPressClient({self.account.name!r}, {self.site_url!r})"

    def close(self) -> None:
        """Close the connections; a request under way in another thread fails at once."""
        self._session.close()

    # -- discovery and the user ------------------------------------------------------------------

    @property
    def api_root(self) -> str:
        """The REST API's root URL, discovered on first use."""
        return self._api_root or self.discover()

    def discover(self) -> str:
        """Find the API root (and remember it: one look-up per publish)."""
        self._api_root = self._find_api_root()
        return self._api_root

    def _find_api_root(self) -> str:
        """The ``rel="https://api.w.org/"`` link of the home page, else ``?rest_route=``."""
        response = self._send("GET", self.site_url + "/", auth=False, action="reach the blog")
        _refuse_unavailable(self.account.name, response, "reach the blog")
        link = response.links.get(API_REL, {}).get("url")
        if link and self._same_site(link):
            return link if link.endswith("/") else link + "/"
        fallback = self.site_url + "/?rest_route=/"
        answer = self._send("GET", fallback, auth=False, action="find the API")
        _refuse_unavailable(self.account.name, answer, "find the API")
        index = self._json(answer, "find the API")
        if isinstance(index, dict) and "wp/v2" in index.get("namespaces", []):
            return fallback
        raise NotWordPressError(
            self.account.name,
            f"{self.site_url} does not look like a WordPress site with the REST API enabled.",
        )

    def current_user(self) -> BlogUser:
        """The user the password belongs to (``users/me``), which checks the password too."""
        data = self.get("wp/v2/users/me", {"context": "edit"}, action="check the account")
        capabilities = data.get("capabilities") or {}
        return BlogUser(
            id=int(data["id"]),
            name=html.unescape(str(data.get("name") or data.get("username") or "")),
            roles=tuple(data.get("roles") or ()),
            can_publish=bool(capabilities.get("publish_posts")),
            can_upload=bool(capabilities.get("upload_files")),
        )

    # -- terms, media, posts ---------------------------------------------------------------------

    def resolve_terms(self, wanted: Mapping[str, list[str]]) -> dict[str, list[int]]:
        """The ids of the terms named per taxonomy, created when new (see :mod:`.terms`)."""
        from postdesk.core.publish.wordpress.terms import TermResolver

        if self._terms is None:
            self._terms = TermResolver(self)
        return self._terms.resolve(wanted)

    def upload_media(
        self, path: Path, filename: str, alt_text: str, title: str, slug: str | None = None
    ) -> Media:
        """Upload an image (anything else is refused unsent), under ``slug`` when given."""
        try:
            image = read_poster(path)
        except PosterError as err:
            raise MediaRejectedError(self.account.name, f"the poster {err}.") from err
        filename = str(Path(filename).with_suffix(image.extension))
        ascii_name = filename.encode("ascii", "ignore").decode() or "poster"
        disposition = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"
        params = {"alt_text": alt_text, "title": title, **({"slug": slug} if slug else {})}
        data = self.request(
            "POST",
            "wp/v2/media",
            params=params,
            data=image.data,
            headers={"Content-Type": image.mime, "Content-Disposition": disposition},
            timeout=UPLOAD_TIMEOUT,
            action="upload the poster",
        )
        return Media(id=int(data["id"]), source_url=str(data.get("source_url", "")))

    def find_media(self, slug: str) -> Media | None:
        """An uploaded file by its slug, to find an upload whose answer was lost."""
        found = self.get("wp/v2/media", {"slug": slug, "context": "edit"}, action="look up media")
        for item in found if isinstance(found, list) else []:
            return Media(id=int(item["id"]), source_url=str(item.get("source_url", "")))
        return None

    def media_exists(self, media_id: int) -> bool:
        """Whether the media library still holds ``media_id``."""
        try:
            self.get(f"wp/v2/media/{media_id}", {"context": "edit"}, action="look up the poster")
        except NotWordPressError as err:
            if err.status == 404:
                return False
            raise
        return True

    def get_post(self, post_id: int) -> RemotePost | None:
        """A post with its stored content, or ``None`` when it no longer exists."""
        try:
            data = self.get(f"wp/v2/posts/{post_id}", {"context": "edit"}, action="read the post")
        except NotWordPressError as err:
            if err.status == 404:
                return None
            raise
        return _remote_post(data)

    def posts_with_slug(self, slug: str) -> list[RemotePost]:
        """Every post whose slug is ``slug``: published, scheduled, draft, pending or private."""
        found = self.get(
            "wp/v2/posts",
            {"slug": slug, "status": EVERY_STATUS, "context": "edit", "per_page": 100},
            action="look up the post",
        )
        return [_remote_post(item) for item in found] if isinstance(found, list) else []

    def create_post(self, fields: Mapping[str, Any]) -> RemotePost:
        """Create a post; never retried here (see :mod:`postdesk.core.publish.flow`)."""
        return _remote_post(self.post("wp/v2/posts", dict(fields), action="create the post"))

    def update_post(self, post_id: int, fields: Mapping[str, Any]) -> RemotePost:
        """Replace a post's fields: the same request twice gives the same post."""
        data = self.request(
            "PUT", f"wp/v2/posts/{post_id}", json=dict(fields), action="update the post"
        )
        return _remote_post(data)

    # -- requests --------------------------------------------------------------------------------

    def get(self, route: str, params: Mapping[str, Any] | None = None, *, action: str) -> Any:
        """GET a route, retried by the transport."""
        return self.request("GET", route, params=params, action=action)

    def post(self, route: str, body: Mapping[str, Any], *, action: str) -> Any:
        """POST JSON to a route; not retried."""
        return self.request("POST", route, json=dict(body), action=action)

    def request(
        self,
        method: str,
        route: str,
        *,
        params: Mapping[str, Any] | None = None,
        action: str,
        timeout: tuple[float, float] | None = None,
        **kwargs: Any,
    ) -> Any:
        """Call the REST API and return its JSON answer, or raise a :class:`WordPressError`."""
        url, query = self._route_url(route)
        query.update(params or {})
        response = self._send(method, url, params=query, action=action, timeout=timeout, **kwargs)
        body = self._json(response, action)
        if response.status_code >= 400:
            raise error_for(self.account.name, response.status_code, body, action)
        return body

    def _route_url(self, route: str) -> tuple[str, dict[str, Any]]:
        root = self.api_root
        if "rest_route=" in root:
            return root.split("?", 1)[0], {"rest_route": "/" + route}
        return root + route, {}

    def _same_site(self, url: str) -> bool:
        """A link elsewhere (host, port or scheme) is never followed with the password."""
        return same_site(url, self.site_url)

    def _send(
        self,
        method: str,
        url: str,
        *,
        auth: bool = True,
        action: str,
        timeout: tuple[float, float] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        host = connected_host(url)
        if auth and not may_carry_secret(url):
            raise WordPressError(
                self.account.name, f"refusing to send the password over plain http to {host}."
            )
        # A redirected POST or PUT would be repeated as a GET (or elsewhere): never follow one.
        kwargs.setdefault("allow_redirects", method in {"GET", "HEAD"})
        try:
            response = self._session.request(
                method,
                url,
                auth=self._auth if auth else None,
                timeout=timeout or self._timeout,
                **kwargs,
            )
        except requests.exceptions.SSLError as err:
            raise tls_failure(self.account.name, host, err) from None
        except (requests.Timeout, requests.ConnectionError) as err:
            if not timed_out(err):
                raise ConnectionFailedError(
                    self.account.name,
                    f"could not reach {host} to {action}: check the address and your "
                    "internet connection.",
                ) from err
            raise TimedOutError(
                self.account.name,
                f"the blog did not answer in time while trying to {action}.",
            ) from err
        except requests.RequestException as err:
            raise WordPressError(
                self.account.name, f"the request to {action} failed ({type(err).__name__})."
            ) from err
        if response.is_redirect and not kwargs["allow_redirects"]:
            location = urljoin(response.url, response.headers["Location"])
            raise redirected(self.account.name, response.status_code, location, action)
        self._refuse_login_pages(response, action)
        return response

    def _refuse_login_pages(self, response: requests.Response, action: str) -> None:
        if "wp-login.php" in urlsplit(response.url).path:
            raise NotWordPressError(
                self.account.name,
                f"the blog sent a login page instead of answering (trying to {action}): a "
                "security plugin or the host may be blocking the REST API.",
                status=response.status_code,
            )

    def _json(self, response: requests.Response, action: str) -> Any:
        kind = response.headers.get("Content-Type", "")
        try:
            return response.json()
        except ValueError:
            pass
        if response.status_code == 401:
            raise AuthenticationError(
                self.account.name,
                "the blog refused the user name or application password.",
                status=401,
            )
        if response.status_code >= 500:
            raise error_for(self.account.name, response.status_code, None, action)
        what = "a web page" if "html" in kind else "something that is not JSON"
        if not response.content.strip():
            what = "an empty answer"
        raise NotWordPressError(
            self.account.name,
            f"the blog sent {what} where the WordPress API should answer (trying to {action}). "
            "Check the site address.",
            status=response.status_code,
        )


def verify_account(account: Account, password: str) -> BlogUser:
    """Check an account with its blog: find the API, then ask who the password belongs to."""
    client = WordPressClient(account, password)
    try:
        client.discover()
        return client.current_user()
    finally:
        client.close()


def _refuse_unavailable(account: str, response: requests.Response, action: str) -> None:
    """A 503 or 429 means "not now", whatever the body (a maintenance page, a CDN's JSON)."""
    if response.status_code in {429, 503}:
        raise unavailable(account, response.status_code, action)


def _remote_post(data: Any) -> RemotePost:
    content = data.get("content") or {}
    title = data.get("title") or {}
    return RemotePost(
        id=int(data["id"]),
        link=str(data.get("link", "")),
        status=str(data.get("status", "")),
        slug=str(data.get("slug", "")),
        title=str(title.get("raw", title.get("rendered", ""))),
        content_raw=str(content.get("raw", "")),
        modified_gmt=str(data.get("modified_gmt", "")),
        featured_media=int(data.get("featured_media") or 0),
        categories=tuple(int(i) for i in data.get("categories") or ()),
        tags=tuple(int(i) for i in data.get("tags") or ()),
    )
