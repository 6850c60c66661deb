"""Where postdesk keeps the user's settings, templates and recovery copies."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

import platformdirs

from postdesk import APP_NAME

#: Set by ``--config-dir`` or by the environment: one folder for everything (tests, portable use).
BASE_DIR_ENV = "POSTDESK_CONFIG_DIR"


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class UserDirs(NamedTuple):
    """The folders postdesk reads and writes for one user; nothing is created until asked."""

    config: Path
    data: Path
    cache_dir: Path | None = None

    @property
    def cache(self) -> Path:
        """Answers fetched from the network, kept a while so a repeated look-up is free."""
        return self.cache_dir or self.data / "cache"

    @property
    def templates(self) -> Path:
        """The user's own film templates, which add to or override the built-in ones."""
        return self.data / "templates"

    @property
    def recovery(self) -> Path:
        """Autosaved copies of unsaved work, offered again after a crash."""
        return self.data / "recovery"

    @property
    def accounts_file(self) -> Path:
        """The blog accounts, without their passwords (those live in the keyring)."""
        return self.config / "accounts.json"

    @classmethod
    def default(cls, base: Path | str | None = None) -> UserDirs:
        """The platform's folders, or everything under ``base`` when one is given."""
        base = base or os.environ.get(BASE_DIR_ENV) or None
        if base:
            root = Path(base).expanduser().resolve()
            return cls(config=root / "config", data=root / "data", cache_dir=root / "cache")
        return cls(
            config=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            data=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )
