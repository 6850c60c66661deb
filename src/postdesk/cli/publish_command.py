"""Placeholder: filled in by the publishing work (issue 4)."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: argparse._SubParsersAction[Any]) -> None:
    """Add this module's subcommands."""
