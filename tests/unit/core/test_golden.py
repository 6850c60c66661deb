"""Golden files: the exact output for each example and template, reviewed like code.

After an intended change, run ``pytest tests/unit/core/test_golden.py --update-golden`` and
read the diff of ``tests/golden/`` before committing it.
"""

from pathlib import Path

import pytest

from postdesk.core.drafts.files import load_draft
from postdesk.core.render.rendering import render
from tests.conftest import EXAMPLES, REPO

GOLDEN = REPO / "tests" / "golden"
CASES = [
    (example, template, fmt)
    for example in sorted(EXAMPLES.glob("*.postdesk"))
    for template in ("trailer-tuesday", "release-announcement", "review")
    for fmt in ("html", "blocks")
] + [(EXAMPLES / "02-les-etoiles-de-saint-malo.postdesk", "release-announcement", "page")]


@pytest.mark.parametrize(
    ("example", "template", "fmt"),
    CASES,
    ids=[f"{e.stem}-{t}-{f}" for e, t, f in CASES],
)
def test_output_matches_the_golden_file(
    example: Path, template: str, fmt: str, request: pytest.FixtureRequest
) -> None:
    output = render(load_draft(example), fmt, template=template, draft_file=example)  # type: ignore[arg-type]
    kind = "body" if fmt == "html" else fmt
    golden = GOLDEN / f"{example.stem}.{template}.{kind}.html"
    if request.config.getoption("--update-golden"):
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"{golden.name} is missing: run with --update-golden and review it"
    assert output == golden.read_text(encoding="utf-8")
