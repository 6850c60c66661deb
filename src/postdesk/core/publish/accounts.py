"""Blog accounts: a name, the site and the user name. Their passwords live in the keyring."""

from __future__ import annotations

import ipaddress
import json
import re
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from urllib3.exceptions import LocationParseError
from urllib3.util import parse_url

from postdesk.core.atomic import write_atomic

AUTHORITY_END = re.compile(r"[/?#]")


class AccountError(Exception):
    """An account that does not exist, exists twice, or has an unusable address."""


@dataclass(frozen=True)
class Account:
    """One blog the user publishes to."""

    name: str
    url: str
    username: str
    engine: str = "wordpress"


def is_loopback(host: str | None) -> bool:
    """Whether ``host`` is this machine: ``localhost``, 127.0.0.0/8 or ::1."""
    if not host:
        return False
    if host.lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def may_carry_secret(url: str) -> bool:
    r"""Whether a password may be sent to ``url``: https, or plain http to this machine.

    The host is read with urllib3's parser, the one ``requests`` connects with, so the host
    checked is the host connected to (``urlsplit`` and urllib3 disagree on odd addresses such
    as ``http://10.99.0.1:9915\\@127.0.0.1``, which urllib3 sends to 10.99.0.1).
    """
    try:
        parts = parse_url(url)
    except LocationParseError:
        return False
    scheme = (parts.scheme or "").lower()
    return scheme == "https" or (scheme == "http" and is_loopback(parts.host))


def connected_host(url: str) -> str:
    """The host a request to ``url`` goes to, as urllib3 (and so ``requests``) reads it."""
    try:
        return parse_url(url).host or ""
    except LocationParseError:
        return ""


def site_of(url: str) -> str:
    """The ``scheme://host[:port]`` of ``url``, as urllib3 reads it (for a message)."""
    try:
        parts = parse_url(url)
    except LocationParseError:
        return shown_url(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme or 'https'}://{parts.host or ''}{port}"


def same_site(url: str, site_url: str) -> bool:
    """Whether ``url`` is on the same scheme, host and port as ``site_url`` (urllib3's view)."""
    try:
        one, other = parse_url(url), parse_url(site_url)
    except LocationParseError:
        return False
    return (one.scheme, one.host, one.port) == (other.scheme, other.host, other.port)


def shown_url(url: str) -> str:
    """``url`` fit for a message or a list: any user name and password before ``@`` removed."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        scheme, rest = "", url
    authority, after = _authority(rest)
    if "@" in authority:
        authority = "…@" + authority.rsplit("@", 1)[1]
    shown = scheme + sep + authority + after
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in shown)


def _authority(rest: str) -> tuple[str, str]:
    """The host part of an address after its ``scheme://``, and what follows it."""
    match = AUTHORITY_END.search(rest)
    cut = match.start() if match else len(rest)
    return rest[:cut], rest[cut:]


def normalize_site_url(url: str) -> str:
    """A site address parsed once, by urllib3: lower-case scheme and host, no trailing slash.

    https is assumed when no scheme is typed; a query is dropped. The result is what every
    request is built from, so what was checked here is what is connected to.

    Raises:
        AccountError: not a plain web address (user info, backslashes, spaces or control
            characters, another scheme, no host, a fragment), or plain http to a host other
            than this machine, where the password would cross the network readable by anyone
            on the way. The message never repeats a password typed into the address.
    """
    text = url.strip()
    _refuse_odd_characters(text)
    if "://" not in text:
        text = "https://" + text
    try:
        parts = parse_url(text)
    except LocationParseError:
        raise _not_web_address(url) from None
    scheme = (parts.scheme or "").lower()
    if scheme not in {"http", "https"} or not parts.host:
        raise _not_web_address(url)
    if parts.auth is not None:  # refused above already; kept should urllib3 ever differ
        raise AccountError(f"“{shown_url(url)}” has a user name or password in it")
    if parts.fragment is not None:
        raise AccountError(f"“{url}” has a “#” part: type only the site's address")
    host = parts.host.lower()
    if scheme == "http" and not is_loopback(host):
        raise AccountError(
            f"“{url}” uses plain http: the application password would cross the network "
            "unencrypted. Use the site's https:// address (plain http is only allowed for "
            "a blog on this computer)."
        )
    port = f":{parts.port}" if parts.port else ""
    return f"{scheme}://{host}{port}{(parts.path or '').rstrip('/')}"


def account_site_url(account: Account) -> str:
    """The checked address of an account, also one saved before these checks existed.

    Raises:
        AccountError: naming the account, when its saved address is refused.
    """
    try:
        return normalize_site_url(account.url)
    except AccountError as err:
        raise AccountError(
            f"{account.name}: {err} (fix it in Accounts: remove the account and add it again)"
        ) from None


def _refuse_odd_characters(text: str) -> None:
    if "\\" in text:
        raise AccountError(
            f"“{shown_url(text)}” contains a backslash, which no web address has: type the "
            "site's address as the browser shows it"
        )
    if any(ch.isspace() or unicodedata.category(ch) in {"Cc", "Cf"} for ch in text):
        raise AccountError(
            f"“{shown_url(text)}” contains spaces or invisible characters: type the site's "
            "address as the browser shows it"
        )
    if "@" in _authority(text.partition("://")[2] if "://" in text else text)[0]:
        raise AccountError(
            f"“{shown_url(text)}” has a user name or password in it (the part before “@”): "
            "type only the site's address. postdesk asks for the password separately and "
            "keeps it in your system's keyring."
        )


def _not_web_address(url: str) -> AccountError:
    return AccountError(f"“{shown_url(url)}” is not a web address such as https://myblog.example")


class AccountStore:
    """The accounts file in the config folder (no secrets), written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"accounts": [], "default": None}
        except (OSError, ValueError) as err:
            raise AccountError(f"{self.path}: cannot be read ({err})") from err
        if not isinstance(data, dict) or not isinstance(data.get("accounts"), list):
            raise AccountError(f"{self.path}: not a postdesk accounts file")
        return data

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"))

    def accounts(self) -> list[Account]:
        """Every account, in the order they were added."""
        accounts = []
        for item in self._read()["accounts"]:
            try:
                accounts.append(
                    Account(
                        str(item["name"]),
                        str(item["url"]),
                        str(item.get("username") or ""),
                        str(item.get("engine") or "wordpress"),
                    )
                )
            except (KeyError, TypeError) as err:
                raise AccountError(f"{self.path}: an account entry is incomplete") from err
        return accounts

    def get(self, name: str) -> Account:
        """The account called ``name``."""
        for account in self.accounts():
            if account.name == name:
                return account
        known = ", ".join(a.name for a in self.accounts()) or "none yet"
        raise AccountError(f"there is no account named “{name}” (accounts: {known})")

    def default(self) -> Account | None:
        """The account a one-click publish goes to: the chosen default, else the first."""
        data = self._read()
        accounts = self.accounts()
        chosen = [a for a in accounts if a.name == data.get("default")]
        candidates = chosen or accounts
        return candidates[0] if candidates else None

    def add(self, account: Account) -> None:
        """Add an account; a name can be used once."""
        normalize_site_url(account.url)  # never save an address with a password in it
        if any(a.name == account.name for a in self.accounts()):
            raise AccountError(f"there is already an account named “{account.name}”")
        data = self._read()
        data["accounts"].append(asdict(account))
        data.setdefault("default", None)
        if data["default"] is None:
            data["default"] = account.name
        self._write(data)

    def remove(self, name: str) -> Account:
        """Remove an account (the caller removes its password from the keyring)."""
        account = self.get(name)
        data = self._read()
        data["accounts"] = [a for a in data["accounts"] if a.get("name") != name]
        if data.get("default") == name:
            data["default"] = data["accounts"][0]["name"] if data["accounts"] else None
        self._write(data)
        return account

    def set_default(self, name: str) -> None:
        """Make ``name`` the account one-click publishing uses."""
        self.get(name)
        data = self._read()
        data["default"] = name
        self._write(data)
