#!/usr/bin/env bash
# Install the Debian packages postdesk's app and test suite need, if any are missing.
# As root it installs them; otherwise it prints the apt-get command and fails.
set -euo pipefail

PACKAGES=(
  # Qt widgets, offscreen and on X (xvfb for screenshots)
  libgl1 libegl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0 libxkbcommon0
  fonts-dejavu-core xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 libxcb-image0 libxcb-render-util0 libxcb-util1
  libxcb-randr0 libxcb-render0 libxcb-shm0 libxcb-sync1 libxcb-xfixes0
  # QtWebEngine
  libnss3 libnspr4 libasound2 libxcomposite1 libxdamage1 libxext6 libxfixes3 libxrandr2 libxtst6
  libbrotli1 libgbm1 libxcb-dri3-0 libxkbfile1
  # a real WordPress on 127.0.0.1 for the publishing tests
  wordpress mariadb-server-core mariadb-client php-cli php-mysql php-xml php-mbstring php-gd
  # a real Secret Service keyring for the credential tests
  gnome-keyring dbus dbus-daemon
  # building the test Ghost's native modules (sqlite3, sharp, re2) from source
  g++ make
  # validating the desktop entry and AppStream metadata; headless Chromium for export checks
  desktop-file-utils appstream shared-mime-info chromium
  # building the Python virtual environment
  python3-venv
  # spell check: Enchant with Hunspell's US English dictionary (pyenchant loads it)
  libenchant-2-2 hunspell-en-us
  # the benchmark's start-up instruction counts (scripts/bench_instructions.py)
  valgrind
)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
# A real Ghost on 127.0.0.1 for the Ghost tests needs Node (Ghost 5.130 accepts 18.12+, 20, 22;
# bookworm's nodejs is 18.19). A Node already installed (e.g. NodeSource's, npm bundled) is kept.
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "postdesk needs these Debian packages: ${missing[*]}" >&2
  echo "install them with: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "installing ${#missing[@]} Debian packages: ${missing[*]}"
# The wordpress package pulls in apache2 and mariadb would start too: keep every service
# from starting (and apache from listening on port 80) while the packages install.
policy=/usr/sbin/policy-rc.d
had_policy=0
[ -e "$policy" ] && had_policy=1
if [ $had_policy -eq 0 ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod +x "$policy"
  trap 'rm -f "$policy"' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
