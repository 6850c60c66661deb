#!/usr/bin/env python3
"""A real WordPress on 127.0.0.1 for postdesk's tests and benchmarks, from Debian's packages.

    scripts/wordpress.py start --state-dir DIR [--port N]   # prints the site as JSON
    scripts/wordpress.py reset --state-dir DIR              # a fresh site, same servers
    scripts/wordpress.py stop  --state-dir DIR              # stops exactly what start started

Everything lives in DIR: a private copy of /usr/share/wordpress with its own wp-config.php (so
Debian's per-host config and /var/lib/wordpress are never touched), a MariaDB data folder
served on a Unix socket only (no TCP), and PHP's built-in server on 127.0.0.1. ``start``
installs a site with an administrator and a contributor, each with an application password,
and writes it all to DIR/site.json.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

WORDPRESS_SOURCE = Path("/usr/share/wordpress")
READY_TIMEOUT = 60.0
DB_NAME = "wordpress"
DB_USER = "wordpress"
DB_PASSWORD = "wordpress-test-only"
ADMIN = {"login": "editor", "password": "editor-login-pw", "email": "editor@example.test"}
CONTRIBUTOR = {"login": "guest", "password": "guest-login-pw", "email": "guest@example.test"}
PACKAGES_HINT = (
    "install Debian's packages: wordpress mariadb-server-core mariadb-client php-cli "
    "php-mysql php-xml php-mbstring php-gd (scripts/system-deps.sh does it)"
)

WP_CONFIG = """<?php
define('DB_NAME', '{db_name}');
define('DB_USER', '{db_user}');
define('DB_PASSWORD', '{db_password}');
define('DB_HOST', 'localhost:{socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
define('AUTH_KEY', '{salt}a'); define('SECURE_AUTH_KEY', '{salt}b');
define('LOGGED_IN_KEY', '{salt}c'); define('NONCE_KEY', '{salt}d');
define('AUTH_SALT', '{salt}e'); define('SECURE_AUTH_SALT', '{salt}f');
define('LOGGED_IN_SALT', '{salt}g'); define('NONCE_SALT', '{salt}h');
// Application passwords over plain HTTP need a "local" environment.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', '{url}');
define('WP_SITEURL', '{url}');
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
define('UPLOADS', 'wp-content/uploads');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', false);
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
"""

# PHP's built-in server has no rewrite rules: serve files as they are, send the rest (pretty
# permalinks, /wp-json/) to index.php as Apache's WordPress .htaccess would.
ROUTER = """<?php
$root = $_SERVER['DOCUMENT_ROOT'];
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = $root . $path;
if ($path !== '/' && file_exists($file) && !is_dir($file)) {
    if (substr($file, -4) === '.php') { require $file; return true; }
    return false;
}
if (is_dir($file) && file_exists($file . '/index.php')) {
    require $file . '/index.php';
    return true;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
chdir($root);
require $root . '/index.php';
"""

INSTALL = """<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '{host}';
require __DIR__ . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/user.php';
$spec = json_decode(file_get_contents('php://stdin'), true);
$admin = $spec['admin'];
$result = wp_install('postdesk test blog', $admin['login'], $admin['email'], false, '',
    wp_slash($admin['password']));
update_option('permalink_structure', '/%postname%/');
update_option('timezone_string', 'UTC');
flush_rewrite_rules();
$out = array('users' => array());
$admin_id = $result['user_id'];
$contributor = $spec['contributor'];
$contributor_id = wp_insert_user(array('user_login' => $contributor['login'],
    'user_pass' => $contributor['password'], 'user_email' => $contributor['email'],
    'display_name' => 'Guest Writer', 'role' => 'contributor'));
wp_update_user(array('ID' => $admin_id, 'display_name' => 'Edith Editor'));
foreach (array('admin' => $admin_id, 'contributor' => $contributor_id) as $role => $id) {
    $created = WP_Application_Passwords::create_new_application_password($id,
        array('name' => 'postdesk tests'));
    $user = get_userdata($id);
    $out['users'][$role] = array('id' => $id, 'login' => $user->user_login,
        'display_name' => $user->display_name, 'app_password' => $created[0]);
}
echo json_encode($out);
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)  # type: ignore[call-overload, no-any-return]


def _wait_for(description: str, ready: object, log: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        if ready():  # type: ignore[operator]
            return
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"
    raise SystemExit(f"wordpress.py: {description} did not start in time; its log:\n{tail}")


class Site:
    """The files and processes of one test WordPress, all under ``state_dir``."""

    def __init__(self, state_dir: Path) -> None:
        self.state = state_dir.resolve()
        self.root = self.state / "wordpress"
        self.datadir = self.state / "mysql"
        self.socket = self.state / "mysqld.sock"
        self.site_file = self.state / "site.json"
        self.pids_file = self.state / "pids.json"

    # -- start ---------------------------------------------------------------------------------

    def start(self, port: int | None) -> dict[str, object]:
        """Copy WordPress, start MariaDB and PHP, install a fresh site; return its details."""
        self._check_packages()
        if self.pids_file.exists():
            self.stop()
        self.state.mkdir(parents=True, exist_ok=True)
        port = port or free_port()
        url = f"http://127.0.0.1:{port}"
        self._copy_wordpress(url)
        pids = {"mariadbd": self._start_mariadb()}
        self.pids_file.write_text(json.dumps(pids))
        pids["php"] = self._start_php(port)
        self.pids_file.write_text(json.dumps(pids))
        site = {"url": url, "port": port, "state_dir": str(self.state), **self._install(port)}
        self.site_file.write_text(json.dumps(site, indent=2))
        return site

    def _check_packages(self) -> None:
        missing = [c for c in ("php", "mariadbd", "mariadb-install-db") if not shutil.which(c)]
        if not (WORDPRESS_SOURCE / "wp-settings.php").exists():
            missing.append(str(WORDPRESS_SOURCE))
        for sbin in ("/usr/sbin/mariadbd",):
            if "mariadbd" in missing and Path(sbin).exists():
                missing.remove("mariadbd")
        if missing:
            raise SystemExit(f"wordpress.py: missing {', '.join(missing)}: {PACKAGES_HINT}")

    def _copy_wordpress(self, url: str) -> None:
        if not (self.root / "wp-settings.php").exists():
            # -L: the package holds relative symlinks into /etc and /var/lib.
            _run(["cp", "-rL", str(WORDPRESS_SOURCE), str(self.root)])
        (self.root / ".htaccess").unlink(missing_ok=True)
        (self.root / "wp-content" / "uploads").mkdir(parents=True, exist_ok=True)
        config = WP_CONFIG.format(
            db_name=DB_NAME,
            db_user=DB_USER,
            db_password=DB_PASSWORD,
            socket=self.socket,
            salt=os.urandom(16).hex(),
            url=url,
        )
        (self.root / "wp-config.php").write_text(config)
        (self.state / "router.php").write_text(ROUTER)

    def _mariadbd(self) -> str:
        return shutil.which("mariadbd") or "/usr/sbin/mariadbd"

    def _start_mariadb(self) -> int:
        if not (self.datadir / "mysql").exists():
            init = self.state / "init.sql"
            init.write_text(
                "FLUSH PRIVILEGES;\n"
                f"CREATE DATABASE IF NOT EXISTS {DB_NAME} CHARACTER SET utf8mb4;\n"
                f"CREATE USER IF NOT EXISTS '{DB_USER}'@'localhost' "
                f"IDENTIFIED BY '{DB_PASSWORD}';\n"
                f"GRANT ALL ON {DB_NAME}.* TO '{DB_USER}'@'localhost';\n"
            )
            _run(
                [
                    "mariadb-install-db",
                    "--no-defaults",
                    f"--datadir={self.datadir}",
                    "--auth-root-authentication-method=socket",
                    "--skip-test-db",
                    f"--extra-file={init}",
                    *self._user_flag(),
                ]
            )
        log = self.state / "mariadb.log"
        process = subprocess.Popen(
            [
                self._mariadbd(),
                "--no-defaults",
                f"--datadir={self.datadir}",
                f"--socket={self.socket}",
                "--skip-networking",
                f"--pid-file={self.state / 'mariadb.pid'}",
                f"--log-error={log}",
                "--innodb-buffer-pool-size=32M",
                "--innodb-log-file-size=16M",
                "--skip-log-bin",
                *self._user_flag(),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        _wait_for("MariaDB", self._socket_ready, log, time.monotonic() + READY_TIMEOUT)
        return process.pid

    def _user_flag(self) -> list[str]:
        return ["--user=root"] if os.geteuid() == 0 else []

    def _socket_ready(self) -> bool:
        if not self.socket.exists():
            return False
        with socket.socket(socket.AF_UNIX) as probe:
            try:
                probe.connect(str(self.socket))
            except OSError:
                return False
        return True

    def _start_php(self, port: int) -> int:
        log = self.state / "php.log"
        env = {**os.environ, "PHP_CLI_SERVER_WORKERS": "4"}
        with log.open("ab") as out:
            process = subprocess.Popen(
                [
                    "php",
                    *self._php_settings(),
                    "-S",
                    f"127.0.0.1:{port}",
                    "-t",
                    str(self.root),
                    str(self.state / "router.php"),
                ],
                cwd=self.root,
                env=env,
                stdout=out,
                stderr=out,
                start_new_session=True,
            )

        def listening() -> bool:
            with socket.socket() as probe:
                return probe.connect_ex(("127.0.0.1", port)) == 0

        _wait_for("PHP's server", listening, log, time.monotonic() + READY_TIMEOUT)
        return process.pid

    def _php_settings(self) -> list[str]:
        settings = {
            "upload_max_filesize": "64M",
            "post_max_size": "64M",
            "memory_limit": "256M",
            "display_errors": "stderr",
        }
        return [arg for key, value in settings.items() for arg in ("-d", f"{key}={value}")]

    def _install(self, port: int) -> dict[str, object]:
        script = self.root / "postdesk-install.php"
        script.write_text(INSTALL.replace("{host}", f"127.0.0.1:{port}"))
        try:
            result = _run(
                ["php", *self._php_settings(), str(script)],
                input=json.dumps({"admin": ADMIN, "contributor": CONTRIBUTOR}),
                cwd=self.root,
            )
        finally:
            script.unlink(missing_ok=True)
        try:
            installed: dict[str, object] = json.loads(result.stdout[result.stdout.index("{") :])
        except ValueError as err:
            message = f"wordpress.py: the install printed no site: {result.stdout!r}"
            raise SystemExit(message) from err
        return installed

    # -- reset and stop --------------------------------------------------------------------------

    def reset(self) -> dict[str, object]:
        """A fresh database and install on the running servers (about a second)."""
        site = json.loads(self.site_file.read_text())
        _run(
            ["mariadb", "--no-defaults", f"--socket={self.socket}", "-uroot"],
            input=f"DROP DATABASE IF EXISTS {DB_NAME}; CREATE DATABASE {DB_NAME} "
            "CHARACTER SET utf8mb4;",
        )
        uploads = self.root / "wp-content" / "uploads"
        shutil.rmtree(uploads, ignore_errors=True)
        uploads.mkdir()
        site.update(self._install(int(site["port"])))
        self.site_file.write_text(json.dumps(site, indent=2))
        return dict(site)

    def stop(self) -> None:
        """Stop the PHP server and MariaDB this state folder started."""
        if not self.pids_file.exists():
            return
        pids: dict[str, int] = json.loads(self.pids_file.read_text())
        for name in ("php", "mariadbd"):
            if name in pids:
                _terminate(pids[name])
        self.pids_file.unlink()


def _terminate(pid: int, grace: float = 10.0) -> None:
    """Stop a process group we started: TERM, then KILL if it lingers."""
    try:
        os.killpg(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        try:
            finished, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # not our child (started by another invocation)
            finished = 0
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
        if finished:
            return
        time.sleep(0.05)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def main() -> int:
    """Parse the command line and run one action."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("action", choices=["start", "stop", "reset"])
    parser.add_argument("--state-dir", type=Path, required=True)
    parser.add_argument("--port", type=int, help="default: a free port")
    args = parser.parse_args()
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
