"""Passwords go to the real Secret Service, and nowhere at all when there is no keyring."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from postdesk.core.credentials import CredentialError, CredentialStore

pytestmark = pytest.mark.keyring


def test_a_password_is_kept_by_the_secret_service(credentials: CredentialStore) -> None:
    credentials.set("Test blog", "abcd efgh ijkl mnop")
    # Another process reads it back: it lives in the keyring daemon, not in this process.
    code = f"import keyring, sys;print(keyring.get_password({credentials.service!r}, 'Test blog'))"
    read = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert read.stdout.strip() == "abcd efgh ijkl mnop"
    credentials.set("Test blog", "new one")
    assert credentials.get("Test blog") == "new one"
    credentials.delete("Test blog")
    assert credentials.get("Test blog") is None
    credentials.delete("Test blog")  # deleting twice is fine


def test_no_keyring_backend_fails_closed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "POSTDESK_CONFIG_DIR": str(home),
    }
    result = subprocess.run(
        [sys.executable, "-m", "postdesk", "accounts", "add", "Blog", "--url",
         "https://blog.example", "--username", "me", "--password-stdin"],
        input="s3cret-app-password\n", capture_output=True, text=True, env=env, timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert "no keyring is available" in result.stderr
    assert "gnome-keyring" in result.stderr
    assert "Traceback" not in result.stderr
    written = [p for p in home.rglob("*") if p.is_file()] if home.exists() else []
    assert written == []  # nothing anywhere, not even the account
    assert "s3cret" not in result.stderr + result.stdout


def test_the_fail_backend_is_refused_in_process() -> None:
    from keyring.backends.fail import Keyring as FailKeyring

    store = CredentialStore(backend=FailKeyring())
    with pytest.raises(CredentialError, match="no keyring is available"):
        store.set("Blog", "secret")
    with pytest.raises(CredentialError, match="no keyring is available"):
        store.get("Blog")


LOCKED_SESSION = textwrap.dedent(
    """
    import subprocess, sys
    subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"],
                   input=b"pw", capture_output=True, check=True)
    import secretstorage
    from postdesk.core.credentials import CredentialError, CredentialStore
    store = CredentialStore(service="postdesk-locked-test")
    store.set("Blog", "before-lock")
    secretstorage.get_default_collection(secretstorage.dbus_init()).lock()
    try:
        store.set("Blog", "after-lock")
    except CredentialError as err:
        print("refused:", err)
    """
)


def test_a_locked_keyring_is_reported(tmp_path: Path) -> None:
    # Its own D-Bus session and keyring, so locking it cannot disturb the other tests.
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_RUNTIME_DIR": str(runtime)}
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    result = subprocess.run(
        ["dbus-run-session", "--", sys.executable, "-c", LOCKED_SESSION],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "refused: the keyring is locked: unlock it" in result.stdout
    assert "after-lock" not in result.stdout + result.stderr
