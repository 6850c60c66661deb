"""What the packaging promises: one app id, one version, every icon, resources in the wheel."""

from __future__ import annotations

import configparser
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

from postdesk import APP_ID
from tests.conftest import REPO

PACKAGING = REPO / "packaging"
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
MIME_TYPE = "application/x-postdesk-draft"


def test_the_cli_prints_the_version_of_the_package() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "postdesk", "--version"],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    assert result.stdout.strip() == f"postdesk {PYPROJECT['version']}"


def test_desktop_entry_metainfo_and_mime_type_agree() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(PACKAGING / f"{APP_ID}.desktop")
    entry = desktop["Desktop Entry"]
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "postdesk %f"
    assert entry["MimeType"] == f"{MIME_TYPE};"
    metainfo = ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()
    assert metainfo.findtext("id") == APP_ID
    assert metainfo.findtext("launchable") == f"{APP_ID}.desktop"
    assert metainfo.findtext("provides/mediatype") == MIME_TYPE
    assert metainfo.find("releases/release").get("version") == PYPROJECT["version"]  # type: ignore[union-attr]
    namespace = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(PACKAGING / f"{APP_ID}.mime.xml").getroot()
    kind = mime.find("m:mime-type", namespace)
    assert kind is not None and kind.get("type") == MIME_TYPE
    assert kind.find("m:glob", namespace).get("pattern") == "*.postdesk"  # type: ignore[union-attr]


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_every_icon_size_exists() -> None:
    icons = REPO / "resources" / "icons"
    assert (icons / "postdesk.svg").read_text().startswith("<svg")
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert png_size(icons / "png" / f"postdesk-{size}.png") == (size, size)


def test_the_wheel_carries_the_resources(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path),
         str(REPO)],
        capture_output=True, check=True, timeout=300,
    )  # fmt: skip
    wheel = next(tmp_path.glob("postdesk-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "postdesk/resources/templates/trailer-tuesday.html",
        "postdesk/resources/templates/_page.html",
        "postdesk/resources/styles/post.css",
        "postdesk/resources/examples/01-1-mile-to-you.postdesk",
        "postdesk/resources/examples/1-mile-to-you.jpg",
        "postdesk/resources/icons/postdesk.svg",
        "postdesk/ui/main_window.py",
        "postdesk/core/render/rendering.py",
    ):
        assert needed in names, needed
    assert not any(name.startswith(("tests/", "scripts/")) for name in names)
