"""Real parts for the tests (a pytest plugin): WordPress and Ghost on 127.0.0.1, the keyring.

All are required: if one cannot be started or reached, the tests fail, they never skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from keyring.backend import KeyringBackend
from keyring.compat import properties

from postdesk.core.credentials import CredentialStore
from postdesk.core.publish.accounts import Account
from tests.conftest import REPO

WORDPRESS_SCRIPT = REPO / "scripts" / "wordpress.py"
GHOST_SCRIPT = REPO / "scripts" / "ghost.py"


class WordPressSite:
    """The running test blog, with helpers to look at it the way a blogger would."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info
        self.url: str = info["url"]
        self.root = Path(info["state_dir"]) / "wordpress"

    def user(self, role: str = "admin") -> dict[str, Any]:
        return dict(self.info["users"][role])

    def account(self, role: str = "admin", name: str = "Test blog") -> Account:
        return Account(name, self.url, self.user(role)["login"])

    def password(self, role: str = "admin") -> str:
        return str(self.user(role)["app_password"])

    def api(self, method: str, route: str, **kwargs: Any) -> Any:
        """Call the REST API as the administrator, as another editor of the blog would."""
        auth = (self.user()["login"], self.password())
        response = requests.request(
            method, f"{self.url}/wp-json/{route}", auth=auth, timeout=30, **kwargs
        )
        response.raise_for_status()
        return response.json()

    def parse_blocks(self, content: str) -> list[str | None]:
        """The block names WordPress's own parser finds (None is a Classic/freeform block)."""
        code = (
            "$_SERVER['HTTP_HOST'] = '127.0.0.1'; require 'wp-load.php';"
            "$blocks = parse_blocks(file_get_contents('php://stdin'));"
            "$names = array(); foreach ($blocks as $b) {"
            " if ($b['blockName'] === null && trim($b['innerHTML']) === '') continue;"
            " $names[] = $b['blockName']; }"
            "echo json_encode($names);"
        )
        result = subprocess.run(
            ["php", "-r", code], input=content, capture_output=True, text=True,
            cwd=self.root, check=True, timeout=60,
        )  # fmt: skip
        names: list[str | None] = json.loads(result.stdout[result.stdout.index("[") :])
        return names


@pytest.fixture(scope="session")
def wordpress(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WordPressSite]:
    """A fresh WordPress for the whole test session, stopped at the end."""
    state = tmp_path_factory.mktemp("wordpress")
    started = subprocess.run(
        [sys.executable, str(WORDPRESS_SCRIPT), "start", "--state-dir", str(state)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if started.returncode != 0:
        pytest.fail(
            "could not start the test WordPress (scripts/wordpress.py start):\n"
            + started.stdout + started.stderr,
            pytrace=False,
        )  # fmt: skip
    try:
        yield WordPressSite(json.loads(started.stdout))
    finally:
        subprocess.run(
            [sys.executable, str(WORDPRESS_SCRIPT), "stop", "--state-dir", str(state)],
            timeout=60,
            check=False,
        )


class GhostSite:
    """The running test Ghost, with helpers to look at it the way a blogger would."""

    def __init__(self, info: dict[str, Any]) -> None:
        self.info = info
        self.url: str = info["url"]
        self.key: str = info["admin_key"]

    def account(self, name: str = "Test Ghost") -> Account:
        return Account(name, self.url, "", "ghost")

    def api(self, method: str, route: str, **kwargs: Any) -> Any:
        """Call the Admin API with the integration's key, as another editor would."""
        from postdesk.core.publish.ghost.client import ACCEPT_VERSION, AdminKey

        token = AdminKey("test", self.key).token()
        headers = {"Authorization": f"Ghost {token}", "Accept-Version": ACCEPT_VERSION}
        response = requests.request(
            method, f"{self.url}/ghost/api/admin/{route}", headers=headers, timeout=30, **kwargs
        )
        response.raise_for_status()
        return response.json() if response.content else None


@pytest.fixture(scope="session")
def ghost(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GhostSite]:
    """A fresh Ghost for the whole test session, stopped at the end.

    scripts/run-tests.sh installs Ghost into its cache before pytest starts, so that the first
    install (minutes) never runs under a test's time-out; installing here is the fallback.
    """
    state = tmp_path_factory.mktemp("ghost")
    started = subprocess.run(
        [sys.executable, str(GHOST_SCRIPT), "start", "--state-dir", str(state)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    if started.returncode != 0:
        pytest.fail(
            "could not start the test Ghost (scripts/ghost.py start):\n"
            + started.stdout + started.stderr,
            pytrace=False,
        )  # fmt: skip
    try:
        yield GhostSite(json.loads(started.stdout))
    finally:
        subprocess.run(
            [sys.executable, str(GHOST_SCRIPT), "stop", "--state-dir", str(state)],
            timeout=60,
            check=False,
        )


def in_private_session() -> bool:
    """Whether the session bus is the throwaway one scripts/run-with-services.sh made."""
    bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
    data_home = os.environ.get("XDG_DATA_HOME", "")
    return (
        bool(bus)
        and bus == os.environ.get("POSTDESK_TEST_BUS")
        and ("postdesk-session." in data_home)
    )


REFUSAL = (
    "refusing to touch this session's keyring (it may be yours): run the tests through "
    "scripts/run-with-services.sh (make test does)"
)


def refuse_outside_private_session() -> None:
    """Fail the test unless it runs in the private session."""
    if not in_private_session():
        pytest.fail(REFUSAL, pytrace=False)


class RefusingKeyring(KeyringBackend):
    """Stands in for the user's keyring outside the private session: every use fails the test."""

    @properties.classproperty
    def priority(self) -> float:
        # Not viable: keyring never picks this by itself (every subclass is registered).
        raise RuntimeError("set explicitly by the tests, never chosen")

    def get_password(self, service: str, username: str) -> str | None:
        pytest.fail(REFUSAL, pytrace=False)

    def set_password(self, service: str, username: str, password: str) -> None:
        pytest.fail(REFUSAL, pytrace=False)

    def delete_password(self, service: str, username: str) -> None:
        pytest.fail(REFUSAL, pytrace=False)


@pytest.fixture(autouse=True)
def personal_keyring_untouched() -> Iterator[None]:
    """A plain ``pytest`` on a desktop never reads or writes the developer's login keyring."""
    if in_private_session():
        yield
        return
    real = keyring.get_keyring()
    keyring.set_keyring(RefusingKeyring())
    try:
        yield
    finally:
        keyring.set_keyring(real)


@pytest.fixture(scope="session")
def secret_service() -> str:
    """The real keyring must be the Secret Service (gnome-keyring on the test D-Bus).

    A plain ``pytest`` on a desktop would otherwise write test passwords into the
    developer's login keyring: only the private session of run-with-services.sh will do.
    """
    refuse_outside_private_session()
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name != "keyring.backends.SecretService.Keyring":
        pytest.fail(
            f"the keyring backend is {name}, not the Secret Service: run the tests through "
            "scripts/run-with-services.sh (make test does)",
            pytrace=False,
        )
    return name


@pytest.fixture
def credentials(secret_service: str) -> Iterator[CredentialStore]:
    """A credential store on the real keyring under a service name of this test's own."""
    store = CredentialStore(service=f"postdesk-test-{uuid.uuid4().hex[:10]}")
    created: list[str] = []
    original_set = store.set

    def tracking_set(account: str, password: str) -> None:
        created.append(account)
        original_set(account, password)

    store.set = tracking_set  # type: ignore[method-assign]
    yield store
    for account in created:
        store.delete(account)
