"""One fill of an 8-actor film from the TMDB and Wikidata stand-ins: requests and wall time.

Cold is an empty answer cache; cached is the same fill again (a day-long cache: no request).
The stand-ins answer at once, so the figures are postdesk's own cost plus local HTTP.
"""

from __future__ import annotations

import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from pytest_httpserver import HTTPServer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.filmdata_stand_in import TOKEN, serve_stand_ins  # noqa: E402

from postdesk.core.drafts.model import new_draft  # noqa: E402
from postdesk.core.filmdata.lookup import LookupSettings, fill_draft  # noqa: E402
from postdesk.core.paths import UserDirs  # noqa: E402

FILMS = {"tmdb": "tmdb:1001", "wikidata": "wikidata:Q1001"}


def _fill(film_id: str, home: Path) -> tuple[float, int]:
    settings = LookupSettings(token=TOKEN, dirs=UserDirs.default(home))
    started = time.perf_counter()
    merge, _found = fill_draft(new_draft(), home / "drafts" / "film.postdesk", film_id, settings)
    elapsed = time.perf_counter() - started
    return elapsed, len(merge.film.cast)


def _one(film_id: str, server: HTTPServer) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        server.clear_log()
        cold, cast = _fill(film_id, home)
        cold_requests = len(server.log)
        server.clear_log()
        cached, _cast = _fill(film_id, home)
        return {
            "cast": cast,
            "cold_s": cold,
            "cold_requests": cold_requests,
            "cached_s": cached,
            "cached_requests": len(server.log),
        }


def run(repeats: int = 5) -> dict[str, Any]:
    """Median figures per source over ``repeats`` fills, each in a fresh cache."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        os.environ.update(serve_stand_ins(server))
        figures: dict[str, Any] = {}
        for source, film_id in FILMS.items():
            runs = [_one(film_id, server) for _ in range(repeats)]
            figures[source] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        return figures
    finally:
        server.clear()
        server.stop()


def report(figures: dict[str, Any]) -> str:
    """The table for the issue notes."""
    head = f"{'source':10} {'actors':>6} {'cold req':>8} {'cold ms':>8}"
    lines = [f"{head} {'cached req':>10} {'cached ms':>9}"]
    for source, f in figures.items():
        lines.append(
            f"{source:10} {f['cast']:>6.0f} {f['cold_requests']:>8.0f} {f['cold_s'] * 1000:>8.1f} "
            f"{f['cached_requests']:>10.0f} {f['cached_s'] * 1000:>9.1f}"
        )
    return "\n".join(lines)
