#!/usr/bin/env bash
# Every check postdesk has: lint, types, the Qt-free core contract, and the whole pytest suite
# against a real keyring (gnome-keyring on a private D-Bus) and a real WordPress on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/${VENV:-.venv}/bin:$PATH"

echo "== ruff"
ruff check .
ruff format --check .
echo "== mypy"
mypy
echo "== Ghost for the tests (installed once into ~/.cache/postdesk, minutes the first time)"
python scripts/ghost.py install
echo "== pytest"
# Offscreen Qt: under Xvfb a passing run once crashed at exit. The timeout guards against a
# Qt slot that raised and left an event loop waiting forever.
export QT_QPA_PLATFORM=offscreen
# Coverage of the package is measured on every run and reported at the end (make test).
exec timeout --kill-after=30 2400 scripts/run-with-services.sh python -m pytest \
  --cov --cov-report=term "$@"
