"""Application passwords, kept only in the operating system's keyring.

This is the one module that talks to ``keyring``. It fails closed: with no usable backend, a
locked one, or one that would store secrets in a plain file, nothing is written anywhere and
the user is told what to install or unlock.
"""

from __future__ import annotations

import sys

import keyring
import keyring.errors
from keyring.backend import KeyringBackend

SERVICE = "postdesk"

#: Backends that keep secrets in a file anyone with the disk can read: never used.
PLAINTEXT_BACKENDS = frozenset({"PlaintextKeyring", "EncryptedKeyring", "Keyring"})


class CredentialError(Exception):
    """The keyring cannot be used; the message says what to do about it."""


def _install_hint() -> str:
    platform = sys.platform
    if platform.startswith("linux"):
        return (
            "postdesk keeps passwords in your desktop's keyring (the Secret Service: GNOME "
            "Keyring or KWallet). Install and start one, for example "
            "`sudo apt install gnome-keyring`, then log in again"
        )
    if platform == "darwin":
        return "postdesk keeps passwords in the macOS Keychain, which is not available"
    return "postdesk keeps passwords in the Windows Credential Manager, which is not available"


class CredentialStore:
    """Read, write and delete one application password per account."""

    def __init__(self, service: str = SERVICE, backend: KeyringBackend | None = None) -> None:
        self.service = service
        self._backend = backend

    @property
    def backend(self) -> KeyringBackend:
        """The keyring backend in use, refused when it is missing or stores plain text."""
        backend = self._backend or keyring.get_keyring()
        name = type(backend).__name__
        module = type(backend).__module__
        usable = float(backend.priority) > 0
        if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
            usable = False
        if module.startswith("keyrings.alt") and name in PLAINTEXT_BACKENDS:
            raise CredentialError(
                f"the keyring backend {module}.{name} stores passwords in a plain file; "
                f"postdesk will not use it. {_install_hint()}."
            )
        if not usable:
            raise CredentialError(f"no keyring is available. {_install_hint()}.")
        return backend

    def ensure_usable(self) -> None:
        """Fail now, before the user types a password, when the keyring cannot keep it."""
        self.backend  # noqa: B018 - the property raises when the keyring is unusable

    def get(self, account: str) -> str | None:
        """The password stored for ``account``, or ``None`` when there is none."""
        try:
            return self.backend.get_password(self.service, account)
        except keyring.errors.KeyringError as err:
            raise _explain(err) from None

    def set(self, account: str, password: str) -> None:
        """Store the password for ``account``, replacing an older one."""
        try:
            self.backend.set_password(self.service, account, password)
        except keyring.errors.KeyringError as err:
            raise _explain(err) from None

    def delete(self, account: str) -> None:
        """Forget the password for ``account``; nothing happens when there is none."""
        try:
            self.backend.delete_password(self.service, account)
        except keyring.errors.PasswordDeleteError:
            return
        except keyring.errors.KeyringError as err:
            raise _explain(err) from None


def _explain(error: keyring.errors.KeyringError) -> CredentialError:
    # The backend's own message may quote what it was given; only its kind is shown.
    if isinstance(error, keyring.errors.KeyringLocked):
        return CredentialError(
            "the keyring is locked: unlock it (for example by logging in to your desktop "
            "session or in your keyring manager) and try again"
        )
    if isinstance(error, keyring.errors.NoKeyringError):
        return CredentialError(f"no keyring is available. {_install_hint()}.")
    return CredentialError(
        f"the keyring refused the request ({type(error).__name__}): make sure it is running "
        "and unlocked"
    )
