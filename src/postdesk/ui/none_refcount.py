"""Keep PySide6 6.12 on Python 3.11 from crashing after some thousand Qt calls.

PySide6 6.12.0 returns ``None`` from every void method without taking a reference to
it (harmless from Python 3.12 on, where ``None`` is immortal). On 3.11 each call such
as ``setText`` drops ``None``'s count by one, and after a few thousand calls Python
aborts with "none_dealloc: deallocating None". Taking a very large number of references
once, up front, keeps the count from ever reaching zero; it costs nothing at run time.
"""

from __future__ import annotations

import ctypes
import sys

#: More references than any session makes void calls (one per call).
_RESERVE = 1 << 48


def reserve_none_references() -> None:
    """Add ``_RESERVE`` references to ``None`` on Pythons where it is not immortal."""
    if sys.version_info >= (3, 12) or getattr(reserve_none_references, "done", False):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    refcount.value += _RESERVE
    reserve_none_references.done = True  # type: ignore[attr-defined]
