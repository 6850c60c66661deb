"""postdesk: draft, preview, export and publish movie-promo posts."""

from __future__ import annotations

from functools import cache

APP_NAME = "postdesk"
APP_ID = "io.github.postdesk.Postdesk"


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("postdesk")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    # Reading the package metadata costs tens of milliseconds: only when someone asks.
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'postdesk' has no attribute {name!r}")
