"""The core stays free of Qt, so it runs (and is tested) without a window."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import postdesk.cli
import postdesk.core

BLOCK_QT = """
import importlib.abc, sys
class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "shiboken6", "PyQt5", "PyQt6"}:
            raise ImportError(f"the Qt-free core imported {name}")
        return None
sys.meta_path.insert(0, BlockQt())
import importlib
for name in sys.argv[1:]:
    importlib.import_module(name)
print("ok", len(sys.argv) - 1)
"""


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(path, prefix)]


def test_core_and_cli_import_without_qt() -> None:
    modules = _modules(postdesk.core) + _modules(postdesk.cli)
    assert "postdesk.core.drafts.files" in modules
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT, *modules], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"ok {len(modules)}"


def test_the_window_knows_every_subcommand_without_importing_them() -> None:
    from postdesk.cli import COMMANDS
    from postdesk.cli.main import command_names

    assert command_names() == COMMANDS


def test_starting_the_window_does_not_load_the_command_line_or_network_stack() -> None:
    code = (
        "import sys; from postdesk.__main__ import main;"
        "from postdesk.cli import is_cli_invocation; assert not is_cli_invocation(['a.postdesk']);"
        "import postdesk.ui.main_window;"
        "heavy = {'requests', 'keyring', 'jinja2', 'markdown_it', 'nh3', 'postdesk.cli.main'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
