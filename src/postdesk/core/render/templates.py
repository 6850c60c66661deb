"""Film templates: the built-in ones and the user's own, in one sandboxed Jinja2 environment.

A template is an HTML file in a templates folder; its name is the file name without
``.html``. It declares its title and a one-line description in a leading comment::

    {#- postdesk
    name: Trailer Park Tuesday
    description: The trailer, the synopsis with inline credits, … and a question.
    -#}

The user's templates (in the user's data folder) add to the built-in ones or override them by
name; ``builtin/NAME.html`` always reaches the built-in one, so an override can extend it. Files
whose names start with ``_`` are partials, not offered in the chooser. Every template runs in
Jinja2's immutable sandbox with autoescaping on, so neither a field's text nor a template can
reach Python internals or the file system.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from postdesk.core.paths import UserDirs
from postdesk.core.resources import resource

if TYPE_CHECKING:
    import jinja2

TEMPLATE_SUFFIX = ".html"
HEADER = re.compile(r"\A\s*\{#-?\s*postdesk\s*\n(?P<body>.*?)-?#\}", re.DOTALL)
HEADER_LINE = re.compile(r"^\s*(?P<key>[a-z_]+)\s*:\s*(?P<value>.*?)\s*$")


class TemplateNotFoundError(LookupError):
    """A draft asks for a template that neither postdesk nor the user has."""


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class TemplateInfo(NamedTuple):
    """What the template chooser shows about a template."""

    name: str
    title: str
    description: str
    path: Path
    builtin: bool
    overrides_builtin: bool = False


def read_header(text: str) -> dict[str, str]:
    """The ``key: value`` lines of a template's leading ``{#- postdesk … #}`` comment."""
    match = HEADER.match(text)
    if not match:
        return {}
    fields = {}
    for line in match.group("body").splitlines():
        field = HEADER_LINE.match(line)
        if field:
            fields[field.group("key")] = field.group("value")
    return fields


def _describe(path: Path, builtin: bool, overrides: bool = False) -> TemplateInfo:
    try:
        header = read_header(path.read_text(encoding="utf-8")[:4096])
    except (OSError, UnicodeDecodeError):
        header = {}
    name = path.name.removesuffix(TEMPLATE_SUFFIX)
    return TemplateInfo(
        name=name,
        title=header.get("name") or name.replace("-", " ").capitalize(),
        description=header.get("description") or "Your own template (it has no description).",
        path=path,
        builtin=builtin,
        overrides_builtin=overrides,
    )


def _template_files(folder: Path | None) -> dict[str, Path]:
    if folder is None or not folder.is_dir():
        return {}
    files = sorted(folder.glob(f"*{TEMPLATE_SUFFIX}"))
    return {
        p.name.removesuffix(TEMPLATE_SUFFIX): p
        for p in files
        if not p.name.startswith((".", "_")) and p.is_file()
    }


class TemplateLibrary:
    """The templates one user can choose from, and the environment that renders them."""

    def __init__(self, user_dir: Path | None = None, builtin_dir: Path | None = None) -> None:
        self.builtin_dir = builtin_dir or resource("templates")
        self.user_dir = user_dir
        self._environment: jinja2.Environment | None = None

    @classmethod
    def for_user(cls, dirs: UserDirs) -> TemplateLibrary:
        """Built-in templates plus those in the user's data folder."""
        return cls(user_dir=dirs.templates)

    def templates(self) -> list[TemplateInfo]:
        """Every template, built-in ones first, each name once (the user's copy wins)."""
        builtin = _template_files(self.builtin_dir)
        user = _template_files(self.user_dir)
        infos = [_describe(p, True) for name, p in builtin.items() if name not in user]
        infos += [_describe(p, False, name in builtin) for name, p in user.items()]
        order = {name: i for i, name in enumerate(builtin)}
        return sorted(infos, key=lambda t: (order.get(t.name, len(order)), t.name))

    def names(self) -> list[str]:
        """The template names, as drafts refer to them."""
        return [t.name for t in self.templates()]

    def info(self, name: str) -> TemplateInfo:
        """One template's description."""
        for template in self.templates():
            if template.name == name:
                return template
        known = ", ".join(self.names())
        raise TemplateNotFoundError(f"there is no template named “{name}” (there are: {known})")

    def get(self, name: str) -> jinja2.Template:
        """The compiled template; recompiled when its file changes."""
        self.info(name)
        return self.environment.get_template(name + TEMPLATE_SUFFIX)

    @property
    def environment(self) -> jinja2.Environment:
        """The one sandboxed environment, built on first use."""
        if self._environment is None:
            self._environment = self._build_environment()
        return self._environment

    def _build_environment(self) -> jinja2.Environment:
        # Imported here: listing templates (the window's chooser) must not pay for Jinja2.
        import jinja2

        from postdesk.core.render.sandbox import BoundedSandbox
        from postdesk.core.render.template_helpers import install_helpers

        builtin = jinja2.FileSystemLoader(self.builtin_dir)
        loaders: list[jinja2.BaseLoader] = []
        if self.user_dir is not None:
            loaders.append(jinja2.FileSystemLoader(self.user_dir))
        loaders += [builtin, jinja2.PrefixLoader({"builtin": builtin})]
        environment = BoundedSandbox(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=True,
        )
        install_helpers(environment)
        return environment


def template_line(error: BaseException, template: jinja2.Template) -> int | None:
    """The line of ``template`` where a rendering error happened, from Jinja2's traceback."""
    line = getattr(error, "lineno", None)
    if isinstance(line, int):
        return line
    found: int | None = None
    traceback: Any = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == template.filename:
            found = traceback.tb_lineno
        traceback = traceback.tb_next
    return found
