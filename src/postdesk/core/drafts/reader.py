"""Turn parsed JSON into a :class:`Draft`, collecting every problem with its field path."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from postdesk.core.drafts.model import (
    DEFAULT_TEMPLATE,
    FORMAT_VERSION,
    POST_STATUSES,
    CastMember,
    Draft,
    Film,
    JsonDict,
    Post,
    Publication,
    Release,
)
from postdesk.core.drafts.problems import Problem
from postdesk.core.drafts.unreadable import unreadable_values

T = TypeVar("T")
TOP_LEVEL_FIELDS = frozenset({"postdesk", "film", "post", "published"})

EARLIEST_FILM_YEAR = 1870
LATEST_FILM_YEAR = 2200
MAX_REVIEW_RATING = 5


def _unknown_fields(data: JsonDict, model: type) -> JsonDict:
    """The fields of ``data`` that ``model`` does not know, kept so that saving loses nothing."""
    known = {f.name for f in dataclasses.fields(model)}
    return {k: v for k, v in data.items() if k not in known or k == "extra"}


def describe(value: Any) -> str:
    """A value as the user wrote it, shortened for a message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "…"


class DraftReader:
    """Reads one draft's JSON data; every problem is recorded, the first does not stop it."""

    def __init__(
        self, templates: Collection[str] | None = None, *, check_values: bool = True
    ) -> None:
        """``check_values=False`` skips looking for unreadable values (see ``unreadable``).

        Only for data that cannot hold them: the form's (Qt drops lone surrogates, and its
        numbers come from spin boxes), where the look would cost every keystroke a pass over
        the whole draft.
        """
        self._templates = templates
        self._check_values = check_values
        self.problems: list[Problem] = []

    def read(self, data: Any) -> tuple[Draft | None, list[Problem]]:
        """Build the draft, or ``None`` when a required part is unusable."""
        if not isinstance(data, dict):
            self._fail("", "not a postdesk draft: the file must hold a JSON object")
            return None, self.problems
        unreadable = unreadable_values(data) if self._check_values else []
        if unreadable:  # anything else read from such a file could crash where it is used
            self.problems += unreadable
            return None, self.problems
        if not self._version_ok(data.get("postdesk")):
            return None, self.problems
        film = self._film(data.get("film"))
        post = self._post(data.get("post"))
        publications = self._list(data, "published", "", self._publication)
        if film is None or post is None:
            return None, self.problems
        extra = {k: v for k, v in data.items() if k not in TOP_LEVEL_FIELDS}
        draft = Draft(film=film, post=post, publications=publications, extra=extra)
        self._warn_on_future_without_date(post)
        return draft, self.problems

    # -- problems ------------------------------------------------------------------------------

    def _fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def _warn(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message, blocking=False))

    # -- the parts of a draft --------------------------------------------------------------------

    def _version_ok(self, version: Any) -> bool:
        if version is None:
            self._fail("postdesk", 'is missing: a draft starts with "postdesk": 1')
            return False
        if isinstance(version, bool) or not isinstance(version, int):
            self._fail("postdesk", f"{describe(version)} is not a format version number")
            return False
        if version > FORMAT_VERSION:
            self._fail(
                "postdesk",
                f"format version {version} was written by a newer postdesk; this one reads "
                f"version {FORMAT_VERSION}. Update postdesk to open it.",
            )
            return False
        if version < 1:
            self._fail("postdesk", f"{version} is not a format version (versions start at 1)")
            return False
        return True

    def _film(self, data: Any) -> Film | None:
        if not self._object(data, "film"):
            return None
        title = self._required_text(data, "title", "film")
        film = Film(
            title=title or "",
            year=self._int(data, "year", "film", EARLIEST_FILM_YEAR, LATEST_FILM_YEAR),
            tagline=self._text(data, "tagline", "film"),
            synopsis=self._text(data, "synopsis", "film"),
            genres=self._strings(data, "genres", "film"),
            runtime_minutes=self._int(data, "runtime_minutes", "film", 1, 6000),
            rating=self._text(data, "rating", "film"),
            cast=self._list(data, "cast", "film", self._cast_member),
            directors=self._strings(data, "directors", "film"),
            writers=self._strings(data, "writers", "film"),
            releases=self._list(data, "releases", "film", self._release),
            trailer_url=self._text(data, "trailer_url", "film"),
            poster=self._text(data, "poster", "film"),
            extra=_unknown_fields(data, Film),
        )
        return film if title is not None else None

    def _post(self, data: Any) -> Post | None:
        if not self._object(data, "post"):
            return None
        title = self._required_text(data, "title", "post")
        post = Post(
            title=title or "",
            template=self._template(data),
            note=self._text(data, "note", "post"),
            question=self._text(data, "question", "post"),
            review_rating=self._review_rating(data),
            categories=self._strings(data, "categories", "post"),
            tags=self._strings(data, "tags", "post"),
            status=self._status(data),
            publish_at=self._datetime(data, "publish_at", "post"),
            extra=_unknown_fields(data, Post),
        )
        return post if title is not None else None

    def _cast_member(self, data: Any, path: str) -> CastMember | None:
        if not self._object(data, path, 'an object such as {"name": "Tim Roth"}'):
            return None
        name = self._required_text(data, "name", path)
        member = CastMember(
            name=name or "",
            character=self._text(data, "character", path),
            known_for=self._text(data, "known_for", path),
            extra=_unknown_fields(data, CastMember),
        )
        return member if name is not None else None

    def _release(self, data: Any, path: str) -> Release | None:
        example = '{"date": "2017-04-07", "where": "theaters"}'
        if not self._object(data, path, f"an object such as {example}"):
            return None
        where = self._required_text(data, "where", path)
        release = Release(
            where=where or "",
            date=self._date(data, "date", path),
            extra=_unknown_fields(data, Release),
        )
        return release if where is not None else None

    def _publication(self, data: Any, path: str) -> Publication | None:
        if not self._object(data, path):
            return None
        account = self._required_text(data, "account", path)
        post_id = self._int(data, "post_id", path, 1, 2**63)
        link = self._text(data, "link", path) or ""
        if post_id is None:
            self._fail(f"{path}.post_id", "missing: the id of the published post")
        if account is None or post_id is None:
            return None
        return Publication(
            account=account,
            post_id=post_id,
            link=link,
            modified_gmt=self._text(data, "modified_gmt", path),
            content_hash=self._text(data, "content_hash", path),
            featured_media=self._int(data, "featured_media", path, 1, 2**63),
            poster_hash=self._text(data, "poster_hash", path),
            extra=_unknown_fields(data, Publication),
        )

    def _template(self, data: JsonDict) -> str:
        name = self._text(data, "template", "post")
        if not name:
            return DEFAULT_TEMPLATE
        if self._templates is not None and name not in self._templates:
            known = ", ".join(sorted(self._templates))
            self._fail("post.template", f"{describe(name)} is not a known template ({known})")
        return name

    def _status(self, data: JsonDict) -> str:
        status = self._text(data, "status", "post")
        if status is None:
            return "draft"
        if status not in POST_STATUSES:
            allowed = ", ".join(POST_STATUSES)
            self._fail("post.status", f"{describe(status)} is not a post status ({allowed})")
            return "draft"
        return status

    def _review_rating(self, data: JsonDict) -> float | None:
        value = data.get("review_rating")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            self._fail("post.review_rating", f"{describe(value)} is not a number")
            return None
        if not 0 <= value <= MAX_REVIEW_RATING:
            self._fail("post.review_rating", f"{value} is not between 0 and {MAX_REVIEW_RATING}")
            return None
        return float(value)

    def _warn_on_future_without_date(self, post: Post) -> None:
        if post.status == "future" and post.publish_at is None:
            self._warn("post.publish_at", "a scheduled post needs a publish date")

    # -- typed fields --------------------------------------------------------------------------

    def _object(self, data: Any, path: str, expected: str = "an object") -> bool:
        if data is None:
            self._fail(path, "is missing")
            return False
        if not isinstance(data, dict):
            self._fail(path, f"{describe(data)} is not {expected}")
            return False
        return True

    def _required_text(self, data: JsonDict, key: str, parent: str) -> str | None:
        path = f"{parent}.{key}"
        value = data.get(key)
        if value is None:
            self._fail(path, "is missing")
            return None
        if not isinstance(value, str):
            self._fail(path, f"{describe(value)} is not text")
            return None
        if not value.strip():
            # Kept, so the editor can show an untitled draft; loading a file still refuses it.
            self._fail(path, "must not be empty")
        return value

    def _text(self, data: JsonDict, key: str, parent: str) -> str | None:
        value = data.get(key)
        if value is None or isinstance(value, str):
            return value
        self._fail(f"{parent}.{key}", f"{describe(value)} is not text")
        return None

    def _int(self, data: JsonDict, key: str, parent: str, low: int, high: int) -> int | None:
        value = data.get(key)
        path = f"{parent}.{key}"
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(path, f"{describe(value)} is not a whole number")
            return None
        if not low <= value <= high:
            self._fail(path, f"{value} is not between {low} and {high}")
            return None
        return value

    def _strings(self, data: JsonDict, key: str, parent: str) -> list[str]:
        def text_item(item: Any, path: str) -> str | None:
            if isinstance(item, str):
                return item
            self._fail(path, f"{describe(item)} is not text")
            return None

        return self._list(data, key, parent, text_item)

    def _list(
        self, data: JsonDict, key: str, parent: str, read_item: Callable[[Any, str], T | None]
    ) -> list[T]:
        value = data.get(key)
        path = f"{parent}.{key}" if parent else key
        if value is None:
            return []
        if not isinstance(value, list):
            self._fail(path, f"{describe(value)} is not a list")
            return []
        items = (read_item(item, f"{path}[{i}]") for i, item in enumerate(value))
        return [item for item in items if item is not None]

    def _date(self, data: JsonDict, key: str, parent: str) -> dt.date | None:
        value = data.get(key)
        path = f"{parent}.{key}"
        if value is None:
            return None
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self._fail(path, f"{describe(value)} is not a date (write it as YYYY-MM-DD)")
        return None

    def _datetime(self, data: JsonDict, key: str, parent: str) -> dt.datetime | None:
        value = data.get(key)
        path = f"{parent}.{key}"
        if value is None:
            return None
        if isinstance(value, str) and "T" in value:
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                pass
        self._fail(path, f"{describe(value)} is not a date and time (YYYY-MM-DDTHH:MM)")
        return None
