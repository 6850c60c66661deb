"""The PySide6 window: a thin layer over :mod:`postdesk.core`."""

from postdesk.ui.none_refcount import reserve_none_references

reserve_none_references()
