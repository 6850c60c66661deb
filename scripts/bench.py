#!/usr/bin/env python3
"""postdesk's benchmark: start-up, preview latency, publishing, film fills and typing speed.

    make bench                      # everything (WordPress and Ghost are started for it)
    python scripts/bench.py --only ui --repeats 5 --json results.json
    python scripts/bench.py --only instructions   # start-up counted by callgrind, not timed

Timed assertions do not belong in tests; these figures go into the issue notes instead.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_filmdata  # noqa: E402
import bench_instructions  # noqa: E402
import bench_publish  # noqa: E402
import bench_publish_ghost  # noqa: E402
import bench_spelling  # noqa: E402
import bench_ui  # noqa: E402

SECTIONS = {
    "ui": bench_ui,
    "instructions": bench_instructions,
    "publish": bench_publish,
    "ghost": bench_publish_ghost,
    "filmdata": bench_filmdata,
    "spelling": bench_spelling,
}


def main() -> int:
    """Run the sections asked for and print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", choices=sorted(SECTIONS), action="append")
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes per figure")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    results = {}
    for name in args.only or list(SECTIONS):
        module = SECTIONS[name]
        print(f"== {name}", flush=True)
        results[name] = module.run(args.repeats)
        print(module.report(results[name]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
