"""The film's JSON-LD inside the page's ``<script>``: a hostile title cannot end the script."""

from __future__ import annotations

import json

from postdesk.core.render.page import script_json


def test_a_title_cannot_close_the_script_and_still_reads_back() -> None:
    data = {"name": "</script><script>alert('x')</script> <!-- & “Heat”"}
    text = str(script_json(data))
    assert "</script" not in text and "<!--" not in text and "<" not in text
    assert json.loads(text) == data
    assert "“Heat”" in text  # readable, not escaped to \\u201c
