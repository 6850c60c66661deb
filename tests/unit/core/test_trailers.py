import pytest

from postdesk.core.render.trailers import parse_video, safe_link, trailer_problem

YOUTUBE_FORMS = [
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "http://youtube.com/watch?v=dQw4w9WgXcQ&feature=share",
    "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
    "https://music.youtube.com/watch?v=dQw4w9WgXcQ&list=RD",
    "https://youtu.be/dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ?si=AbCdEf",
    "https://www.youtube.com/embed/dQw4w9WgXcQ",
    "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
    "https://www.youtube.com/shorts/dQw4w9WgXcQ",
    "https://www.youtube.com/live/dQw4w9WgXcQ?feature=shared",
    "https://www.youtube.com/v/dQw4w9WgXcQ",
    "  https://www.youtube.com/watch?v=dQw4w9WgXcQ  ",
]


@pytest.mark.parametrize("url", YOUTUBE_FORMS)
def test_every_youtube_form_embeds(url: str) -> None:
    video = parse_video(url)
    assert video is not None
    assert video.provider == "youtube"
    assert video.embed_url == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert video.watch_url == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert trailer_problem(url) is None


@pytest.mark.parametrize(
    ("url", "seconds"),
    [
        ("https://youtu.be/dQw4w9WgXcQ?t=42", 42),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", 90),
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ#t=1h0m5s", 3605),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ?start=15", 15),
    ],
)
def test_youtube_start_times_carry_over(url: str, seconds: int) -> None:
    video = parse_video(url)
    assert video is not None
    assert video.start_seconds == seconds
    assert video.embed_url.endswith(f"?start={seconds}")


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871"),
        (
            "https://www.vimeo.com/channels/staffpicks/76979871",
            "https://player.vimeo.com/video/76979871",
        ),
        (
            "https://player.vimeo.com/video/76979871?autoplay=1",
            "https://player.vimeo.com/video/76979871",
        ),
        (
            "https://vimeo.com/76979871/a1b2c3d4e5",
            "https://player.vimeo.com/video/76979871?h=a1b2c3d4e5",
        ),
    ],
)
def test_vimeo_forms_embed(url: str, embed: str) -> None:
    video = parse_video(url)
    assert video is not None
    assert video.provider == "vimeo"
    assert video.embed_url == embed


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/about",
        "https://example.com/trailer.mp4",
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
    ],
)
def test_other_web_links_are_not_videos_but_stay_links(url: str) -> None:
    assert parse_video(url) is None
    assert safe_link(url) == url
    assert trailer_problem(url) == "not a YouTube or Vimeo video link: it will show as a plain link"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "ftp://example.com/x",
        "https://you tube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\n<script>",
        "//www.youtube.com/watch?v=dQw4w9WgXcQ",
        "not a url",
    ],
)
def test_hostile_or_broken_urls_become_nothing(url: str) -> None:
    assert parse_video(url) is None
    assert safe_link(url) is None
    assert trailer_problem(url) is not None


def test_an_empty_trailer_is_no_problem() -> None:
    assert trailer_problem(None) is None
    assert trailer_problem("   ") is None
