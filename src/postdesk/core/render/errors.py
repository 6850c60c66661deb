"""Rendering errors, apart from the renderer: the window reports them without loading Jinja2."""

from __future__ import annotations


class RenderError(Exception):
    """A template that cannot render this draft, with the template's name and line."""

    def __init__(self, template: str, message: str, line: int | None = None) -> None:
        self.template = template
        self.line = line
        self.detail = message
        where = f"template “{template}”" + (f", line {line}" if line else "")
        super().__init__(f"{where}: {message}")


class RenderLimitError(RenderError):
    """The template went over a time, memory or size limit and was stopped."""
