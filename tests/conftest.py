"""Isolation for every test: its own postdesk folders, and no network beyond 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from postdesk.core.paths import BASE_DIR_ENV, UserDirs

REPO = Path(__file__).resolve().parent.parent
# The real "Trailer Park Tuesday" post postdesk must reproduce, with its readers' comments.
SEED_POST = REPO / "tests" / "fixtures" / "seed-post.txt"
EXAMPLES = REPO / "resources" / "examples"
SEED_DRAFT = EXAMPLES / "01-1-mile-to-you.postdesk"


@pytest.fixture(autouse=True)
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> UserDirs:
    """Every test gets empty postdesk folders; the user's real ones are never read or written."""
    base = tmp_path / "postdesk-home"
    monkeypatch.setenv(BASE_DIR_ENV, str(base))
    return UserDirs.default(base)


def _is_loopback(address: object) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX socket path (D-Bus, the keyring, MariaDB)
        return True
    if not isinstance(address, tuple) or not address:
        return False
    host = address[0]
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Refuse any connection beyond loopback, so a test cannot reach the internet by mistake."""
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guard(address: object) -> None:
        if not _is_loopback(address):
            raise ConnectionRefusedError(f"tests may only talk to 127.0.0.1, not {address!r}")

    def connect(self: socket.socket, address: object) -> None:
        guard(address)
        return real_connect(self, address)  # type: ignore[arg-type]

    def connect_ex(self: socket.socket, address: object) -> int:
        guard(address)
        return real_connect_ex(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (then review the diff like code)",
    )


# The real WordPress and keyring fixtures, for the integration and the window tests alike.
pytest_plugins = ["tests.services", "tests.filmdata_stand_in"]
