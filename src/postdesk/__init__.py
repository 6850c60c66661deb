"""postdesk: draft, preview, export and publish movie-promo posts."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("postdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"

APP_NAME = "postdesk"
APP_ID = "io.github.postdesk.Postdesk"
