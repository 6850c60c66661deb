"""The PySide6 window: a thin layer over :mod:`postdesk.core`."""
