"""Publishing the seed example with its poster to a real Ghost, against bare requests.

The bare run replays exactly the HTTP requests postdesk made (same tokens: they live five
minutes), with a plain requests.Session: the difference is postdesk's own cost. Each postdesk
run publishes under a title of its own, so every run creates a post and uploads the poster.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import requests

from postdesk.core.drafts.files import load_draft, save_draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.flow import publish_draft
from postdesk.core.publish.ghost.client import GhostClient
from postdesk.core.publish.wordpress.transport import build_session

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "ghost.py"
EXAMPLES = REPO / "resources" / "examples"

Sent = list[requests.PreparedRequest]


def _ghost(action: str, state: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), action, "--state-dir", str(state)],
        capture_output=True, text=True, check=True, timeout=1800,
    )  # fmt: skip
    return dict(json.loads(done.stdout)) if done.stdout.strip() else {}


def _publish_once(site: dict[str, Any], folder: Path) -> tuple[float, Sent]:
    """One first publish, from a folder of its own (no journal left by an earlier run)."""
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", folder / "1-mile-to-you.jpg")
    draft_file = folder / "seed.postdesk"
    draft = load_draft(EXAMPLES / "01-1-mile-to-you.postdesk")
    draft.post.title = f"{draft.post.title} {uuid.uuid4().hex[:6]}"
    save_draft(draft, draft_file)
    account = Account("Bench Ghost", site["url"], "", engine="ghost")
    sent: Sent = []
    session = build_session()
    session.hooks["response"].append(lambda response, *a, **k: sent.append(response.request))
    client = GhostClient(account, site["admin_key"], session=session)
    started = time.perf_counter()
    publish_draft(load_draft(draft_file), draft_file, account, site["admin_key"], client=client)
    return time.perf_counter() - started, sent


def _replay(sent: Sent) -> float:
    prepared = []
    for request in sent:
        copy = request.copy()
        copy.hooks = {"response": []}  # not postdesk's counting hook
        prepared.append(copy)
    session = requests.Session()
    started = time.perf_counter()
    for request in prepared:
        session.send(request, timeout=(5, 30))
    return time.perf_counter() - started


def run(repeats: int = 5) -> dict[str, Any]:
    """Median wall times over ``repeats`` publishes to one Ghost."""
    with tempfile.TemporaryDirectory() as scratch:
        state = Path(scratch) / "ghost"
        site = _ghost("start", state)
        try:
            postdesk_times, bare_times, counts = [], [], []
            for _ in range(repeats):
                seconds, sent = _publish_once(site, Path(tempfile.mkdtemp(dir=scratch)))
                postdesk_times.append(seconds)
                counts.append(len(sent))
                bare_times.append(_replay(sent))
        finally:
            _ghost("stop", state)
    methods: dict[str, int] = {}
    for request in sent:
        methods[request.method or "?"] = methods.get(request.method or "?", 0) + 1
    return {
        "publish_s": statistics.median(postdesk_times),
        "bare_requests_s": statistics.median(bare_times),
        "http_requests": statistics.median(counts),
        "methods": methods,
        "start_ghost_s": site.get("start_seconds"),
    }


def report(figures: dict[str, Any]) -> str:
    """A line or two for people."""
    ratio = figures["publish_s"] / figures["bare_requests_s"]
    methods = ", ".join(f"{count} {method}" for method, count in sorted(figures["methods"].items()))
    return (
        f"publish the seed with its poster to Ghost   {figures['publish_s'] * 1000:.0f} ms "
        f"(bare requests: {figures['bare_requests_s'] * 1000:.0f} ms, {ratio:.2f}x); "
        f"{figures['http_requests']:.0f} HTTP requests ({methods}); Ghost started in "
        f"{figures['start_ghost_s']} s"
    )
