#!/usr/bin/env python3
"""Rewrite the field list in resources/templates/README.md from the draft model.

Run after adding or describing a field in ``src/postdesk/core/drafts/model.py``;
``tests/unit/core/test_schema.py`` fails while the README is out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from postdesk.core.drafts.field_list import with_field_table  # noqa: E402

README = ROOT / "resources" / "templates" / "README.md"


def main() -> int:
    """Write the table; say whether anything changed."""
    before = README.read_text(encoding="utf-8")
    after = with_field_table(before)
    if after == before:
        print(f"{README.relative_to(ROOT)}: up to date")
        return 0
    README.write_text(after, encoding="utf-8")
    print(f"{README.relative_to(ROOT)}: field list rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
