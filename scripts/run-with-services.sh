#!/usr/bin/env bash
# Run a command inside a private D-Bus session with an unlocked gnome-keyring, so that
# postdesk's credentials go to a real Secret Service that is thrown away afterwards.
# The user's own keyring and session bus are never touched.
set -euo pipefail

if [ -z "${POSTDESK_PRIVATE_SESSION:-}" ]; then
  export POSTDESK_PRIVATE_SESSION=1
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/postdesk-session.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/run"
  mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
  chmod 700 "$XDG_RUNTIME_DIR"
  status=0
  dbus-run-session -- "$0" "$@" || status=$?
  exit $status
fi

# Inside the private bus: create and unlock a login keyring with a throwaway password.
# The tests refuse to write secrets unless they see this very bus (tests/services.py).
export POSTDESK_TEST_BUS="${DBUS_SESSION_BUS_ADDRESS:-}"
printf 'postdesk-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null
exec "$@"
