#!/usr/bin/env bash
# What a user installs must work, not only the source tree. Run after the test suite (CI does):
#   1. the wheel, installed into a fresh venv outside the tree: render, export, templates;
#   2. the bundle alone (no venv, no tree): --version and a headless export;
#   3. the desktop entry, the AppStream metadata and the MIME type validate.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export PATH="$root/${VENV:-.venv}/bin:$PATH"
version=$(python -c 'import tomllib;print(tomllib.load(open("pyproject.toml","rb"))["project"]["version"])')
scratch=$(mktemp -d "${TMPDIR:-/tmp}/postdesk-dist.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
fail() { echo "check-dist: $*" >&2; exit 1; }
started=$(date +%s)

echo "== build"
scripts/build-dist.sh

echo "== the wheel in a fresh virtual environment"
python -m venv "$scratch/venv"
"$scratch/venv/bin/python" -m pip install --quiet dist/postdesk-"$version"-py3-none-any.whl
cp resources/examples/01-1-mile-to-you.postdesk resources/examples/1-mile-to-you.jpg "$scratch/"
(
  cd "$scratch"  # away from the tree: only the installed package can be imported
  export QT_QPA_PLATFORM=offscreen POSTDESK_CONFIG_DIR="$scratch/home"
  pd=("$scratch/venv/bin/postdesk")
  [ "$("${pd[@]}" --version)" = "postdesk $version" ] || fail "wheel: wrong --version"
  "${pd[@]}" templates | grep -q '^trailer-tuesday ' || fail "wheel: templates missing"
  "${pd[@]}" render 01-1-mile-to-you.postdesk | grep -q 'also stars Melanie Lynskey, Peter Coyote and Tim Roth' \
    || fail "wheel: render lost the cast sentence"
  "${pd[@]}" export 01-1-mile-to-you.postdesk -o wheel.html >/dev/null
  grep -q '<title>Trailer Park Tuesday, 1 Mile To You</title>' wheel.html || fail "wheel: export has no title"
  grep -q 'data:image/jpeg;base64,' wheel.html || fail "wheel: export has no poster"
  timeout 120 "${pd[@]}" --self-test 01-1-mile-to-you.postdesk 2>/dev/null | grep -q "self-test passed" \
    || fail "wheel: the window or its preview does not start"
  "$scratch/venv/bin/python" -c 'import postdesk.core.resources as r, sys; sys.exit(".venv" in str(r.resources_dir()) and "/src/" in str(r.resources_dir()))' \
    || fail "wheel: resources came from the source tree"
)
echo "wheel OK"

echo "== the bundle on its own"
mv dist/postdesk "$scratch/bundle"
(
  cd "$scratch"
  export QT_QPA_PLATFORM=offscreen POSTDESK_CONFIG_DIR="$scratch/home2"
  env -i PATH=/usr/bin:/bin HOME="$scratch" "$scratch/bundle/postdesk" --version | grep -qx "postdesk $version" \
    || fail "bundle: wrong --version"
  env -i PATH=/usr/bin:/bin HOME="$scratch" QT_QPA_PLATFORM=offscreen \
    "$scratch/bundle/postdesk" export 01-1-mile-to-you.postdesk -o bundle.html >/dev/null
  grep -q 'data:image/jpeg;base64,' bundle.html || fail "bundle: export has no poster"
  cmp -s wheel.html bundle.html || fail "bundle: export differs from the wheel's"
  env -i PATH=/usr/bin:/bin HOME="$scratch" QT_QPA_PLATFORM=offscreen \
    QTWEBENGINE_CHROMIUM_FLAGS="${QTWEBENGINE_CHROMIUM_FLAGS:-}" \
    timeout 120 "$scratch/bundle/postdesk" --self-test 01-1-mile-to-you.postdesk 2>/dev/null \
    | grep -q "self-test passed" || fail "bundle: the window or its preview does not start"
)
mv "$scratch/bundle" dist/postdesk
echo "bundle OK"

echo "== desktop integration files"
desktop-file-validate packaging/io.github.postdesk.Postdesk.desktop
appstreamcli validate --no-net packaging/io.github.postdesk.Postdesk.metainfo.xml
mkdir -p "$scratch/mime/packages"
cp packaging/io.github.postdesk.Postdesk.mime.xml "$scratch/mime/packages/"
update-mime-database "$scratch/mime"
grep -q '^application/x-postdesk-draft:\*\.postdesk$' "$scratch/mime/globs" || fail "MIME glob missing"

echo "== sizes and cold start"
du -sh dist/*.whl dist/postdesk
python - "$root" "$scratch" <<'PY'
import os, statistics, subprocess, sys, time
root, scratch = sys.argv[1], sys.argv[2]
env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
def timed(command, repeats=5):
    runs = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=scratch)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000
draft = "01-1-mile-to-you.postdesk"
for label, exe in (("bundle", f"{root}/dist/postdesk/postdesk"), ("venv", f"{scratch}/venv/bin/postdesk")):
    window = timed([exe, "--config-dir", f"{scratch}/st", "--self-test", draft], repeats=3)
    print(f"{label:<7} --version {timed([exe, '--version']):6.0f} ms   "
          f"export {timed([exe, 'export', draft, '-o', 'timing.html']):6.0f} ms   "
          f"window with its preview painted {window:6.0f} ms")
PY
echo "check-dist passed in $(( $(date +%s) - started )) s"
