#!/usr/bin/env bash
# Register postdesk with the desktop for the current user: the launcher entry, the icon, and
# the .postdesk file type (double-click a draft to open it in postdesk).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
icons=$(cd "$here/../resources/icons" 2>/dev/null && pwd || echo "$here/icons")
data=${XDG_DATA_HOME:-$HOME/.local/share}
app_id=io.github.postdesk.Postdesk

install -Dm644 "$here/$app_id.desktop" "$data/applications/$app_id.desktop"
install -Dm644 "$here/$app_id.mime.xml" "$data/mime/packages/$app_id.xml"
install -Dm644 "$here/$app_id.metainfo.xml" "$data/metainfo/$app_id.metainfo.xml"
install -Dm644 "$icons/postdesk.svg" "$data/icons/hicolor/scalable/apps/$app_id.svg"
for png in "$icons"/png/postdesk-*.png; do
  size=$(basename "$png" .png | sed 's/postdesk-//')
  install -Dm644 "$png" "$data/icons/hicolor/${size}x${size}/apps/$app_id.png"
done
command -v update-mime-database >/dev/null && update-mime-database "$data/mime"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications"
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "postdesk is registered for $(id -un): look for it in your applications."
