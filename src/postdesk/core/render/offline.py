"""What an offline page (the preview) may load: itself, local files and inline data."""

from __future__ import annotations

#: The Content-Security-Policy of every offline page: nothing from the network.
OFFLINE_POLICY = (
    "default-src 'none'; img-src file: data:; style-src 'unsafe-inline'; font-src file: data:"
)
