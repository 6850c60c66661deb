"""Find the bundled resources (templates, styles, icons, examples) wherever postdesk runs."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """The ``resources`` folder of an installed wheel, a PyInstaller bundle or a source tree.

    The wheel carries it as ``postdesk/resources``; a bundle unpacks it next to the package in
    ``sys._MEIPASS``; a source checkout (editable install) has it at the top of the tree.
    """
    package = Path(__file__).resolve().parent.parent
    candidates = [package / "resources"]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.append(Path(frozen) / "postdesk" / "resources")
    candidates.append(package.parent.parent / "resources")
    for candidate in candidates:
        if (candidate / "templates").is_dir():
            return candidate
    searched = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"postdesk's resources are missing (looked in {searched})")


def resource(*parts: str) -> Path:
    """A path inside the resources folder."""
    return resources_dir().joinpath(*parts)


def example_drafts() -> list[Path]:
    """The example drafts shipped with postdesk, the seed film first."""
    return sorted(resource("examples").glob("*.postdesk"))


@cache
def post_stylesheet() -> str:
    """The post stylesheet, read once: the preview renders a page on every edit."""
    return resource("styles", "post.css").read_text(encoding="utf-8")
