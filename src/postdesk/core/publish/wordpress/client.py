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
from types import TracebackType
from typing import Any, Self
from urllib.parse import quote, urljoin, urlsplit

import requests
import urllib3.exceptions
from requests.adapters import HTTPAdapter
from urllib3.connectionpool import ConnectionPool
from urllib3.response import BaseHTTPResponse
from urllib3.util.retry import Retry

import postdesk
from postdesk.core.drafts.posters import PosterError, read_poster
from postdesk.core.publish.accounts import (
    Account,
    account_site_url,
    connected_host,
    may_carry_secret,
    same_site,
)
from postdesk.core.publish.slugs import slugify
from postdesk.core.publish.wordpress.errors import (
    AuthenticationError,
    ConnectionFailedError,
    MediaRejectedError,
    NotWordPressError,
    TermExistsError,
    TimedOutError,
    WordPressError,
    error_for,
    redirected,
    tls_failure,
    unavailable,
)

API_REL = "https://api.w.org/"
DEFAULT_TIMEOUT = (5.0, 30.0)
UPLOAD_TIMEOUT = (5.0, 120.0)
MAX_RETRY_AFTER = 10.0
SAFE_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
MAX_BATCH = 25
"""WordPress's limit on the requests of one batch."""
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


class _Retry(Retry):
    """urllib3's Retry, except that a blog asking to wait long is not waited for.

    WordPress's maintenance mode answers 503 with ``Retry-After: 600``: three retries would
    hold the publish for half an hour. Its 503 is reported at once instead.
    """

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        """Give up now when the answer asks for more than :data:`MAX_RETRY_AFTER` seconds."""
        wait = self.get_retry_after(response) if response is not None else None
        if wait is not None and wait > MAX_RETRY_AFTER and _pool is not None:
            raise urllib3.exceptions.MaxRetryError(_pool, url or "")
        return super().increment(method, url, response, error, _pool, _stacktrace)


def _retry_policy(total: int) -> Retry:
    return _Retry(
        total=total,
        connect=total,
        read=total,
        status=total,
        backoff_factor=0.5,
        status_forcelist=(502, 503, 504),
        allowed_methods=SAFE_METHODS,
        raise_on_status=False,
        respect_retry_after_header=True,
    )


def build_session(retries: int = 3) -> requests.Session:
    """A session that retries idempotent requests only."""
    session = requests.Session()
    session.headers["User-Agent"] = f"postdesk/{postdesk.__version__}"
    adapter = HTTPAdapter(max_retries=_retry_policy(retries))
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


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
        self._batch_works = True

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

    def term_ids(self, taxonomy: str, names: list[str]) -> list[int]:
        """The ids of the categories or tags called ``names``, created when the blog has none."""
        return self.resolve_terms({taxonomy: names})[taxonomy]

    def _terms_named(self, taxonomy: str, names: list[str]) -> dict[str, int]:
        slugs = ",".join(dict.fromkeys(slugify(name) for name in names))
        found = self.get(
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
            data = self.post("batch/v1", body, action=action)
        except WordPressError as err:
            if not err.retryable:
                raise
            data = self.post("batch/v1", body, action=action)  # a term exists: its id again
        replies = data.get("responses") if isinstance(data, dict) else None
        if not isinstance(replies, list) or len(replies) != len(calls):
            raise NotWordPressError(self.account.name, f"the blog did not {action}.", status=400)
        names = [(c["path"].rsplit("/", 1)[1], c["body"]["name"]) for c in calls]
        return list(zip(names, replies, strict=True))

    def _batched_term_id(self, taxonomy: str, name: str, reply: Any) -> int:
        body = reply.get("body") if isinstance(reply, dict) else None
        status = int(reply.get("status") or 0) if isinstance(reply, dict) else 0
        if status < 300 and isinstance(body, dict) and "id" in body:
            return int(body["id"])
        kind = "category" if taxonomy == "categories" else "tag"
        error = error_for(self.account.name, status or 500, body, f"create the {kind} “{name}”")
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
            created = self.post(
                f"wp/v2/{taxonomy}", {"name": wanted}, action=f"create the {kind} “{wanted}”"
            )
        except TermExistsError as err:  # created meanwhile, or a name search did not match
            return err.term_id
        return int(created["id"])

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
            if not _timed_out(err):
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


def _refuse_unavailable(account: str, response: requests.Response, action: str) -> None:
    """A 503 or 429 means "not now", whatever the body (a maintenance page, a CDN's JSON)."""
    if response.status_code in {429, 503}:
        raise unavailable(account, response.status_code, action)


def _timed_out(error: requests.RequestException) -> bool:
    """Whether the blog was too slow, also when the retries ran out on time-outs."""
    if isinstance(error, requests.Timeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    if isinstance(reason, urllib3.exceptions.NewConnectionError):
        return False  # refused or unreachable (urllib3 files it under time-outs)
    return isinstance(reason, urllib3.exceptions.TimeoutError)


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
