"""Blog accounts: a name, the site and the user name. Their passwords live in the keyring."""

from __future__ import annotations

import ipaddress
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from postdesk.core.atomic import write_atomic


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


def normalize_site_url(url: str) -> str:
    """A site address without trailing slash, query or fragment; https assumed when missing.

    Raises:
        AccountError: not a web address, or plain http to a host other than this machine,
            where the password would cross the network readable by anyone on the way.
    """
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in {"http", "https"} or not parts.hostname:
        raise AccountError(f"“{url}” is not a web address such as https://myblog.example")
    if scheme == "http" and not is_loopback(parts.hostname):
        raise AccountError(
            f"“{url}” uses plain http: the application password would cross the network "
            "unencrypted. Use the site's https:// address (plain http is only allowed for "
            "a WordPress on this computer)."
        )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, parts.netloc.lower(), path, "", ""))


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
