import pytest

from postdesk.core.drafts.mentions import mentioned_names
from postdesk.core.render.markdown import render_markdown
from tests.html_safety import unsafe_parts

CREDITS = {"graham rogers": "Graham Rogers, “Quantico”", "tim roth": "Tim Roth"}


def test_a_mention_renders_as_the_credit() -> None:
    html = render_markdown("a teenager (@[Graham Rogers]) loses", credits=CREDITS)
    assert html == "<p>a teenager (Graham Rogers, “Quantico”) loses</p>"


def test_mentions_ignore_case_and_spacing() -> None:
    html = render_markdown("(@[graham   ROGERS])", credits=CREDITS)
    assert "Graham Rogers, “Quantico”" in html


def test_an_unknown_mention_shows_the_name_as_written() -> None:
    assert render_markdown("with @[Nobody Known]", credits=CREDITS) == "<p>with Nobody Known</p>"


def test_mentioned_names_in_order_without_repeats() -> None:
    text = "@[Tim Roth] and @[Graham Rogers], then @[tim roth] again"
    assert mentioned_names(text) == ["Tim Roth", "Graham Rogers"]
    assert mentioned_names(None) == []


def test_the_tail_joins_the_last_paragraph() -> None:
    html = render_markdown("First.\n\nLast one.", tail="X also stars Tim Roth.")
    assert html.endswith("<p>Last one. X also stars Tim Roth.</p>")


def test_the_tail_gets_its_own_paragraph_after_a_list_or_nothing() -> None:
    assert render_markdown("- a\n- b", tail="T.").endswith("<p>T.</p>")
    assert render_markdown("", tail="T.") == "<p>T.</p>"
    assert render_markdown(None) == ""


def test_the_tail_is_text_not_markup() -> None:
    html = render_markdown("Story.", tail="<b>Bold</b> & co")
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; co" in html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        '<iframe src="https://evil.example"></iframe>',
        "![x](javascript:alert(1))",
        '<div onclick="alert(1)">x</div>',
        "<style>body{display:none}</style>",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_hostile_markdown_comes_out_harmless(hostile: str) -> None:
    html = render_markdown(f"Before {hostile} after", credits=CREDITS)
    assert unsafe_parts(html) == []
    assert html.startswith("<p>Before ")


def test_markdown_keeps_the_blogger_formatting() -> None:
    html = render_markdown("**bold**, *em*, [link](https://example.com), `code`\n\n> quote")
    assert "<strong>bold</strong>" in html
    assert "<em>em</em>" in html
    assert '<a href="https://example.com" rel="noopener noreferrer">link</a>' in html
    assert "<blockquote>" in html
