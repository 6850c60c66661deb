"""Trailer links: every YouTube URL form and Vimeo become an embed, anything else a safe link."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import SplitResult, parse_qs, quote, urlsplit

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = frozenset(
    {"youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"}
    | {"youtube-nocookie.com", "www.youtube-nocookie.com"}
)
YOUTUBE_PATH_PREFIXES = ("/embed/", "/shorts/", "/live/", "/v/", "/e/")
VIMEO_HOSTS = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
TIME_PART = re.compile(r"(\d+)([hms])")


# A NamedTuple: defined before the first frame, where a frozen dataclass costs 4x (ARCHITECTURE).
class Video(NamedTuple):
    """A trailer on a video site we know how to embed."""

    provider: str  # "youtube" or "vimeo"
    video_id: str
    start_seconds: int = 0
    vimeo_hash: str | None = None

    @property
    def provider_name(self) -> str:
        """The site's name as people write it."""
        return {"youtube": "YouTube", "vimeo": "Vimeo"}[self.provider]

    @property
    def watch_url(self) -> str:
        """The canonical page of the video, what WordPress's embed block wants."""
        if self.provider == "youtube":
            start = f"&t={self.start_seconds}s" if self.start_seconds else ""
            return f"https://www.youtube.com/watch?v={self.video_id}{start}"
        suffix = f"/{self.vimeo_hash}" if self.vimeo_hash else ""
        return f"https://vimeo.com/{self.video_id}{suffix}"

    @property
    def embed_url(self) -> str:
        """The player URL for an iframe (YouTube's privacy-enhanced host)."""
        if self.provider == "youtube":
            start = f"?start={self.start_seconds}" if self.start_seconds else ""
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}{start}"
        query = f"?h={quote(self.vimeo_hash)}" if self.vimeo_hash else ""
        return f"https://player.vimeo.com/video/{self.video_id}{query}"


def parse_video(url: str | None) -> Video | None:
    """The video a trailer URL points at, or ``None`` when it is not a YouTube or Vimeo video."""
    parts = _split(url)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    if host in YOUTUBE_HOSTS or host == "youtu.be":
        return _youtube(host, parts.path, parts.query, parts.fragment)
    if host in VIMEO_HOSTS:
        return _vimeo(parts.path, parts.query)
    return None


def safe_link(url: str | None) -> str | None:
    """``url`` if it is an ordinary web address, else ``None`` (``javascript:``, ``data:``…)."""
    parts = _split(url)
    return url.strip() if parts is not None and url else None


def trailer_problem(url: str | None) -> str | None:
    """Why a trailer URL will not embed, for the form and ``postdesk check``; else ``None``."""
    if not url or not url.strip():
        return None
    if parse_video(url):
        return None
    if safe_link(url):
        return "not a YouTube or Vimeo video link: it will show as a plain link"
    return "not a web address (it must start with https://): it will be left out"


def _split(url: str | None) -> SplitResult | None:
    if not url:
        return None
    text = url.strip()
    if any(c.isspace() or ord(c) < 32 for c in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        return None
    return parts


def _youtube(host: str, path: str, query: str, fragment: str) -> Video | None:
    params = parse_qs(query)
    if host == "youtu.be":
        candidate = path.strip("/").split("/")[0]
    elif path.startswith(YOUTUBE_PATH_PREFIXES):
        candidate = path.split("/")[2] if path.count("/") >= 2 else ""
    else:
        candidate = (params.get("v") or [""])[0]
    if not YOUTUBE_ID.match(candidate):
        return None
    start_text = (params.get("t") or params.get("start") or [""])[0]
    if not start_text and fragment.startswith("t="):
        start_text = fragment[2:]
    return Video("youtube", candidate, _seconds(start_text))


def _vimeo(path: str, query: str) -> Video | None:
    segments = [s for s in path.split("/") if s]
    numeric = [i for i, s in enumerate(segments) if s.isdigit()]
    if not numeric:
        return None
    index = numeric[-1]
    video_id = segments[index]
    following = segments[index + 1] if index + 1 < len(segments) else ""
    unlisted = (parse_qs(query).get("h") or [""])[0] or following
    vimeo_hash = unlisted if re.fullmatch(r"[0-9a-f]{6,20}", unlisted) else None
    return Video("vimeo", video_id, vimeo_hash=vimeo_hash)


def _seconds(text: str) -> int:
    """YouTube start times: "90", "90s", "1m30s", "1h2m3s"."""
    if text.isdigit():
        return int(text)
    parts = TIME_PART.findall(text)
    if not parts or "".join(n + u for n, u in parts) != text:
        return 0
    scale = {"h": 3600, "m": 60, "s": 1}
    return sum(int(n) * scale[u] for n, u in parts)
