"""A poster is an image by its content: anything else is refused before it is read whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.drafts.posters import PosterError, poster_refusal, read_poster
from postdesk.core.render.rendering import poster_left_out, render
from tests.conftest import EXAMPLES
from tests.hostile_posters import REASONS, SECRET, hostile_draft, hostile_posters


@pytest.mark.parametrize("case", sorted(REASONS))
def test_a_hostile_poster_is_refused_with_its_reason(tmp_path: Path, case: str) -> None:
    poster = hostile_posters(tmp_path)[case]
    path = tmp_path / "drafts" / "a" / "b" / poster
    refusal = poster_refusal(path)
    assert refusal is not None and REASONS[case] in refusal
    with pytest.raises(PosterError, match=REASONS[case]):
        read_poster(path)


@pytest.mark.parametrize(
    ("head", "mime"),
    [
        (b"\xff\xd8\xff\xdb", "image/jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "image/png"),
        (b"GIF89a\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
    ],
)
def test_images_are_known_by_their_first_bytes_whatever_their_name(
    tmp_path: Path, head: bytes, mime: str
) -> None:
    path = tmp_path / "poster.txt"
    path.write_bytes(head + b"\x00" * 32)
    assert poster_refusal(path) is None
    assert read_poster(path).mime == mime


def test_the_real_poster_is_accepted() -> None:
    image = read_poster(EXAMPLES / "1-mile-to-you.jpg")
    assert image.mime == "image/jpeg" and image.extension == ".jpg"


@pytest.mark.parametrize("case", sorted(REASONS))
def test_no_rendering_carries_a_hostile_poster(tmp_path: Path, case: str) -> None:
    draft_file = hostile_draft(tmp_path, hostile_posters(tmp_path)[case])
    draft = load_draft(draft_file)
    page = render(draft, "page", draft_file=draft_file)
    preview = render(draft, "page", draft_file=draft_file, offline=True)
    assert '<figure class="post-poster">' not in page + preview
    assert "hunter2" not in page  # not even base64-encoded:
    assert "aHVudGVy" not in page and SECRET not in preview
    left_out = poster_left_out(draft, draft_file)
    assert left_out is not None and left_out.startswith("film.poster: the file ")
    assert REASONS[case] in left_out or "larger than 8 MB" in left_out
