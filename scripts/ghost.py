#!/usr/bin/env python3
"""A real Ghost on 127.0.0.1 for postdesk's tests and benchmarks, from npm, on SQLite.

    scripts/ghost.py start --state-dir DIR [--port N]   # prints the site as JSON
    scripts/ghost.py reset --state-dir DIR              # a fresh site on a new port
    scripts/ghost.py stop  --state-dir DIR              # stops exactly what start started

Ghost itself is installed once per version into a cache outside the repository
(``$POSTDESK_GHOST_CACHE`` or ~/.cache/postdesk/ghost-VERSION): ``npm pack``, its
devDependencies removed (one is fetched from GitHub), then ``npm install --omit=dev``; the
native modules build from source, which takes minutes the first time. Everything a site
writes (SQLite database, images, log) lives in DIR. ``start`` sets up an owner, signs in,
creates an integration and writes its Admin API key with the rest to DIR/site.json.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

GHOST_VERSION = "5.130.6"
READY_TIMEOUT = 120.0
INSTALL_TIMEOUT = 1800.0
OWNER = {
    "name": "Edith Editor",
    "email": "editor@example.test",
    "password": "editor-login-pw-1234",
    "blogTitle": "postdesk test Ghost",
}
NODE_HINT = "install Node 18.12+/20/22 and npm (scripts/system-deps.sh installs Debian's nodejs)"


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def cache_dir() -> Path:
    """Where the installed Ghost of this version lives, shared by every checkout."""
    base = os.environ.get("POSTDESK_GHOST_CACHE")
    root = Path(base) if base else Path.home() / ".cache" / "postdesk"
    return root / f"ghost-{GHOST_VERSION}"


def install() -> Path:
    """The installed Ghost, installed now if the cache lacks it (minutes, once per version).

    Runs started at the same time (several test runs, CI steps) wait for one install
    instead of each building Ghost's native modules on the same cores.
    """
    target = cache_dir()
    if (target / ".installed").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (target / ".installed").exists():
            return target
        return _install_into(target)


def _install_into(target: Path) -> Path:
    for tool in ("node", "npm"):
        if not shutil.which(tool):
            raise SystemExit(f"ghost.py: {tool} is missing: {NODE_HINT}")
    work = target.with_name(target.name + f".partial-{os.getpid()}")
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = time.monotonic()
    try:
        _npm(["pack", f"ghost@{GHOST_VERSION}"], work)
        tarball = next(work.glob("ghost-*.tgz"))
        subprocess.run(["tar", "xzf", tarball.name], cwd=work, check=True)
        package = work / "package"
        manifest = json.loads((package / "package.json").read_text())
        manifest.pop("devDependencies", None)  # one is a GitHub URL, unreachable offline
        (package / "package.json").write_text(json.dumps(manifest, indent=2))
        _npm(["install", "--omit=dev", "--legacy-peer-deps", "--no-audit", "--no-fund"], package)
        (package / ".installed").write_text(f"{time.monotonic() - started:.0f} s\n")
        shutil.rmtree(target, ignore_errors=True)
        package.rename(target)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _npm(args: list[str], cwd: Path) -> None:
    result = subprocess.run(
        ["npm", *args], cwd=cwd, capture_output=True, text=True, timeout=INSTALL_TIMEOUT
    )
    if result.returncode != 0:
        tail = (result.stdout + result.stderr)[-3000:]
        raise SystemExit(f"ghost.py: npm {args[0]} failed:\n{tail}")


class Site:
    """The files and the process of one test Ghost, all under ``state_dir``."""

    def __init__(self, state_dir: Path) -> None:
        self.state = state_dir.resolve()
        self.content = self.state / "content"
        self.site_file = self.state / "site.json"
        self.pid_file = self.state / "ghost.pid"
        self.log = self.state / "ghost.log"

    def start(self, port: int | None) -> dict[str, object]:
        """Install if needed, start Ghost on a fresh SQLite database, set it up headless."""
        ghost = install()
        if self.pid_file.exists():
            self.stop()
        shutil.rmtree(self.content, ignore_errors=True)
        for folder in ("data", "images", "files", "media", "themes", "logs", "settings"):
            (self.content / folder).mkdir(parents=True, exist_ok=True)
        for theme in (ghost / "content" / "themes").iterdir():  # so posts render for readers
            (self.content / "themes" / theme.name).symlink_to(theme, target_is_directory=True)
        port = port or free_port()
        url = f"http://127.0.0.1:{port}"
        self.pid_file.write_text(str(self._launch(ghost, port, url)))
        self._wait_ready(url)
        site: dict[str, object] = {"url": url, "port": port, "state_dir": str(self.state)}
        site.update(self._set_up(url))
        self.site_file.write_text(json.dumps(site, indent=2))
        return site

    def _launch(self, ghost: Path, port: int, url: str) -> int:
        env = {
            **os.environ,
            "NODE_ENV": "development",
            "server__host": "127.0.0.1",
            "server__port": str(port),
            "url": url,
            "database__client": "sqlite3",
            "database__connection__filename": str(self.content / "data" / "ghost.db"),
            "paths__contentPath": str(self.content),
            # Nothing may leave the machine or wait on it: no mail, update check, Gravatar,
            # and no e-mailed sign-in code for the headless session.
            "mail__transport": "stub",
            "privacy__useUpdateCheck": "false",
            "privacy__useGravatar": "false",
            "privacy__useRpcPing": "false",
            "security__staffDeviceVerification": "false",
            "logging__transports": '["file"]',
            "logging__path": str(self.content / "logs"),
        }
        with self.log.open("ab") as out:
            process = subprocess.Popen(
                ["node", "index.js"],
                cwd=ghost,
                env=env,
                stdout=out,
                stderr=out,
                start_new_session=True,
            )
        return process.pid

    def _wait_ready(self, url: str) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            with contextlib.suppress(requests.RequestException):
                answer = requests.get(f"{url}/ghost/api/admin/site/", timeout=5)
                if answer.status_code == 200:
                    return
            if not _alive(int(self.pid_file.read_text())):
                break
            time.sleep(0.1)
        tail = self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""
        self.stop()
        raise SystemExit(f"ghost.py: Ghost did not start; its log:\n{tail}")

    def _set_up(self, url: str) -> dict[str, object]:
        api = f"{url}/ghost/api/admin"
        origin = {"Origin": url}
        session = requests.Session()
        answer = session.post(f"{api}/authentication/setup/", json={"setup": [OWNER]}, timeout=60)
        _check(answer, "owner set-up")
        answer = session.post(
            f"{api}/session/",
            json={"username": OWNER["email"], "password": OWNER["password"]},
            headers=origin,
            timeout=60,
        )
        _check(answer, "sign-in")
        answer = session.post(
            f"{api}/integrations/?include=api_keys",
            json={"integrations": [{"name": "postdesk tests"}]},
            headers=origin,
            timeout=60,
        )
        _check(answer, "integration")
        keys = answer.json()["integrations"][0]["api_keys"]
        admin = next(k for k in keys if k["type"] == "admin")
        return {
            "owner": {"email": OWNER["email"], "password": OWNER["password"]},
            # Ghost's serializer already gives the admin key's secret as "id:secret".
            "admin_key": admin["secret"]
            if ":" in admin["secret"]
            else f"{admin['id']}:{admin['secret']}",
            "integration_id": answer.json()["integrations"][0]["id"],
        }

    def reset(self) -> dict[str, object]:
        """A fresh site: stop, wipe the content folder, start again on the same port."""
        port = json.loads(self.site_file.read_text())["port"]
        self.stop()
        return self.start(int(port))

    def stop(self) -> None:
        """Stop the Ghost this state folder started."""
        if not self.pid_file.exists():
            return
        _terminate(int(self.pid_file.read_text()))
        self.pid_file.unlink()


def _check(answer: requests.Response, step: str) -> None:
    if answer.status_code >= 400:
        raise SystemExit(f"ghost.py: {step} failed: HTTP {answer.status_code} {answer.text[:500]}")


def _alive(pid: int) -> bool:
    try:
        finished, _ = os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        return True
    return finished == 0


def _terminate(pid: int, grace: float = 10.0) -> None:
    """Stop a process group we started: TERM, then KILL if it lingers."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        if not _alive(pid):
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def main() -> int:
    """Parse the command line and run one action."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["install", "start", "stop", "reset"])
    parser.add_argument("--state-dir", type=Path)
    parser.add_argument("--port", type=int, help="default: a free port")
    args = parser.parse_args()
    if args.action == "install":
        started = time.monotonic()
        print(f"Ghost {GHOST_VERSION} in {install()} ({time.monotonic() - started:.1f} s)")
        return 0
    if args.state_dir is None:
        parser.error("--state-dir is required")
    site = Site(args.state_dir)
    if args.action == "start":
        started = time.monotonic()
        info = site.start(args.port)
        info["start_seconds"] = round(time.monotonic() - started, 2)
        print(json.dumps(info, indent=2))
    elif args.action == "reset":
        print(json.dumps(site.reset(), indent=2))
    else:
        site.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
