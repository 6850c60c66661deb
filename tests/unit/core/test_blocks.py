import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.render.blocks import html_to_blocks
from postdesk.core.render.markdown import render_markdown
from postdesk.core.render.rendering import render
from tests.block_grammar import block_names, parse_blocks
from tests.conftest import EXAMPLES, SEED_DRAFT


def test_the_seed_becomes_native_blocks() -> None:
    blocks = parse_blocks(render(load_draft(SEED_DRAFT), "blocks"))
    assert [b.name for b in blocks] == ["embed"] + ["paragraph"] * 4
    embed = blocks[0]
    assert embed.attrs["url"] == "https://www.youtube.com/watch?v=1MileToYou0"
    assert embed.attrs["providerNameSlug"] == "youtube"
    assert "https://www.youtube.com/watch?v=1MileToYou0" in embed.html


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.postdesk")), ids=lambda p: p.name)
@pytest.mark.parametrize("template", ["trailer-tuesday", "release-announcement", "review"])
def test_every_example_has_no_classic_block(example: object, template: str) -> None:
    markup = render(load_draft(example), "blocks", template=template)  # type: ignore[arg-type]
    names = block_names(parse_blocks(markup))
    assert "html" not in names and "freeform" not in names
    assert names


MARKDOWN = """\
## A heading

### A smaller one

Some *text* with a [link](https://example.com).

- one
- two
  - nested

1. first
2. second

> A quote
> over two lines

---

```
code <here>
```

![A still](https://example.com/still.jpg)

| a | b |
|---|---|
| 1 | 2 |
"""


def test_markdown_elements_map_to_their_blocks() -> None:
    markup = html_to_blocks(render_markdown(MARKDOWN))
    blocks = parse_blocks(markup)
    assert [b.name for b in blocks] == [
        "heading", "heading", "paragraph", "list", "list", "quote",
        "separator", "code", "image", "table",
    ]  # fmt: skip
    assert blocks[0].attrs == {} and '<h2 class="wp-block-heading">A heading</h2>' in blocks[0].html
    assert blocks[1].attrs == {"level": 3}
    assert [b.name for b in blocks[3].inner] == ["list-item", "list-item"]
    assert [b.name for b in blocks[3].inner[1].inner] == ["list"]  # the nested list
    assert blocks[4].attrs == {"ordered": True}
    assert [b.name for b in blocks[5].inner] == ["paragraph"]
    assert (
        '<figure class="wp-block-image"><img src="https://example.com/still.jpg" alt="A still"/>'
        in (blocks[8].html)
    )
    assert "code &lt;here&gt;" in blocks[7].html


def test_unknown_elements_are_kept_whole_in_an_html_block() -> None:
    blocks = parse_blocks(html_to_blocks('<div class="x"><p>inside</p></div>\n<p>after</p>'))
    assert [b.name for b in blocks] == ["html", "paragraph"]
    assert '<div class="x"><p>inside</p></div>' in blocks[0].html


def test_stray_text_becomes_a_paragraph_and_entities_survive() -> None:
    blocks = parse_blocks(html_to_blocks("Tom &amp; Jerry &#8220;quoted&#8221;"))
    assert [b.name for b in blocks] == ["paragraph"]
    assert "<p>Tom &amp; Jerry &#8220;quoted&#8221;</p>" in blocks[0].html


def test_blocks_written_by_a_template_pass_through() -> None:
    html = '<!-- wp:spacer {"height":"20px"} -->\n<div></div>\n<!-- /wp:spacer -->\n<p>x</p>'
    blocks = parse_blocks(html_to_blocks(html))
    assert [b.name for b in blocks] == ["spacer", "paragraph"]
    assert blocks[0].attrs == {"height": "20px"}


def test_the_grammar_checker_catches_classic_content() -> None:
    with pytest.raises(ValueError, match="freeform"):
        parse_blocks("<p>loose</p>")
    with pytest.raises(ValueError, match="never closed"):
        parse_blocks("<!-- wp:paragraph --><p>x</p>")
