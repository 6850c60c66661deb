"""Slugs: readable, transliterated, never shared by two titles (a retry finds its post by slug)."""

from __future__ import annotations

import pytest

from postdesk.core.publish.slugs import MAX_LENGTH, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Trailer Park Tuesday, 1 Mile To You", "trailer-park-tuesday-1-mile-to-you"),
        ("Łódź Story", "lodz-story"),
        ("Крик", "krik"),
        ("Amélie", "amelie"),
        ("  Heat: Director’s Cut!  ", "heat-directors-cut"),
        ("", "post"),
    ],
)
def test_titles_become_readable_slugs(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_two_russian_titles_do_not_collide() -> None:
    assert slugify("Крик") != slugify("Брат")


def test_titles_with_nothing_to_transliterate_still_differ() -> None:
    first, second = slugify("🎬🍿"), slugify("🎥")
    assert first.startswith("post-") and second.startswith("post-")
    assert first != second


def test_a_long_title_is_cut_at_a_word() -> None:
    slug = slugify("An Extraordinarily Long Title " * 20)
    assert len(slug) <= MAX_LENGTH
    assert slug.endswith("title") and not slug.endswith("-")
