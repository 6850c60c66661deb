#!/usr/bin/env bash
# Build the sdist, the wheel and the one-folder bundle into dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/${VENV:-.venv}/bin:$PATH"

rm -rf dist build
python -m build --sdist --wheel --outdir dist . >/dev/null
pyinstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/postdesk.spec
echo "built:"
du -sh dist/*.whl dist/*.tar.gz dist/postdesk
