"""What a browser would actually run or load from an HTML document: the test oracle for XSS."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "style", "frame", "base", "form", "meta"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "srcset", "xlink:href"}
SAFE_SCHEMES = {"http", "https", "mailto", "file", ""}


class _Scanner(HTMLParser):
    def __init__(self, allowed_tags: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.allowed_tags = allowed_tags
        self.findings: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DANGEROUS_TAGS and tag not in self.allowed_tags:
            self.findings.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}=…>")
            if name in URL_ATTRIBUTES and value is not None and not _safe_url(value):
                self.findings.append(f"<{tag} {name}={value!r}>")

    handle_startendtag = handle_starttag


def _safe_url(value: str) -> bool:
    scheme = urlsplit(value.strip()).scheme.lower()
    return scheme in SAFE_SCHEMES or value.startswith("data:image/")


def unsafe_parts(html: str, allowed_tags: set[str] | None = None) -> list[str]:
    """Every element or attribute in ``html`` that would run code or load an unsafe URL."""
    scanner = _Scanner(allowed_tags or set())
    scanner.feed(html)
    scanner.close()
    return scanner.findings
