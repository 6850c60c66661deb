"""Publishing the seed example with its poster to a real WordPress, against bare requests.

The bare run replays exactly the HTTP requests postdesk made, with a plain requests.Session,
on a freshly reset site: the difference is postdesk's own cost.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import requests

from postdesk.core.drafts.files import load_draft
from postdesk.core.publish.accounts import Account
from postdesk.core.publish.flow import publish_draft
from postdesk.core.publish.wordpress.client import WordPressClient
from postdesk.core.publish.wordpress.transport import build_session

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "wordpress.py"
EXAMPLES = REPO / "resources" / "examples"


def _wordpress(action: str, state: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), action, "--state-dir", str(state)],
        capture_output=True, text=True, check=True, timeout=180,
    )  # fmt: skip
    return dict(json.loads(done.stdout)) if done.stdout.strip() else {}


Sent = list[requests.PreparedRequest]


def _publish_once(site: dict[str, Any], folder: Path) -> tuple[float, Sent]:
    """One first publish, from a folder of its own (no journal left by an earlier run)."""
    shutil.copy(EXAMPLES / "01-1-mile-to-you.postdesk", folder / "seed.postdesk")
    shutil.copy(EXAMPLES / "1-mile-to-you.jpg", folder / "1-mile-to-you.jpg")
    draft_file = folder / "seed.postdesk"
    account = Account("Bench blog", site["url"], site["users"]["admin"]["login"])
    password = site["users"]["admin"]["app_password"]
    sent: list[requests.PreparedRequest] = []
    session = build_session()
    session.hooks["response"].append(lambda response, *a, **k: sent.append(response.request))
    client = WordPressClient(account, password, session=session)
    started = time.perf_counter()
    publish_draft(load_draft(draft_file), draft_file, account, password, client=client)
    return time.perf_counter() - started, sent


def _replay(sent: Sent, site: dict[str, Any]) -> float:
    """The same requests, with the reset site's new application password."""
    user = site["users"]["admin"]
    prepared = []
    for request in sent:
        copy = request.copy()
        copy.headers.pop("Authorization", None)
        copy.hooks = {"response": []}  # not postdesk's counting hook
        copy.prepare_auth((user["login"], user["app_password"]))
        prepared.append(copy)
    session = requests.Session()
    started = time.perf_counter()
    for request in prepared:
        session.send(request, timeout=(5, 30))
    return time.perf_counter() - started


def run(repeats: int = 5) -> dict[str, Any]:
    """Median wall times over ``repeats`` publishes, each on a freshly reset site."""
    with tempfile.TemporaryDirectory() as scratch:
        state = Path(scratch) / "wordpress"
        site = _wordpress("start", state)
        try:
            postdesk_times, bare_times, counts = [], [], []
            for _ in range(repeats):
                site = _wordpress("reset", state)
                seconds, sent = _publish_once(site, Path(tempfile.mkdtemp(dir=scratch)))
                postdesk_times.append(seconds)
                counts.append(len(sent))
                site = _wordpress("reset", state)
                bare_times.append(_replay(sent, site))
        finally:
            _wordpress("stop", state)
    methods: dict[str, int] = {}
    for request in sent:
        methods[request.method or "?"] = methods.get(request.method or "?", 0) + 1
    return {
        "publish_s": statistics.median(postdesk_times),
        "bare_requests_s": statistics.median(bare_times),
        "http_requests": statistics.median(counts),
        "methods": methods,
        "start_wordpress_s": site.get("start_seconds"),
    }


def report(figures: dict[str, Any]) -> str:
    """A line or two for people."""
    ratio = figures["publish_s"] / figures["bare_requests_s"]
    methods = ", ".join(f"{count} {method}" for method, count in sorted(figures["methods"].items()))
    return (
        f"publish the seed with its poster   {figures['publish_s'] * 1000:.0f} ms "
        f"(bare requests: {figures['bare_requests_s'] * 1000:.0f} ms, {ratio:.2f}x); "
        f"{figures['http_requests']:.0f} HTTP requests ({methods})"
    )
