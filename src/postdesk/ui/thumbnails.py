"""Decoding a poster into its thumbnail, in any thread.

Kept out of :mod:`postdesk.ui.poster_picker` so that Qt's image classes (``QImage``,
``QImageReader``) are not built before the window's first frame: Qt for Python builds a class
and its enumerations the first time it is imported (about 4 M instructions for these two).
The picker imports this module on the GUI thread when it starts its first decode, so the
pool's thread never builds a Qt class.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader


def read_thumbnail(path: Path, width: int) -> QImage | None:
    """``path`` decoded ``width`` pixels wide, or ``None`` when it is not an image.

    Safe in any thread. JPEGs are decoded at a reduced scale straight away, which is far
    faster than decoding every pixel and scaling down afterwards.
    """
    reader = QImageReader(os.fspath(path))
    reader.setAutoTransform(True)  # a phone photo's EXIF orientation
    size = reader.size()
    if size.isValid() and size.width() > 2 * width:
        # Twice the width, then a smooth scale: sharper than the decoder's own scaling.
        height = max(1, round(size.height() * 2 * width / size.width()))
        reader.setScaledSize(QSize(2 * width, height))
    image = reader.read()
    if image.isNull():
        return None
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
