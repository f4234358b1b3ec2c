#!/usr/bin/env bash
# Draws the app icons (icon-192.png, icon-512.png, apple-touch-icon.png) from icon.svg: the
# favicon's signature stroke on a full-bleed square, inside the centre that launchers keep when
# they crop an icon to a circle. Needs Chromium. Run from this folder after changing icon.svg.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
for size in 180 192 512; do
  {
    echo '<!doctype html><style>html,body{margin:0;overflow:hidden}svg{display:block}</style>'
    sed "s/<svg /<svg width=\"$size\" height=\"$size\" /" icon.svg
  } > "$tmp/icon.html"
  out="icon-$size.png"
  [ "$size" = 180 ] && out=apple-touch-icon.png
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$size,$size" --screenshot="$PWD/$out" "file://$tmp/icon.html" 2>/dev/null
done
rm -r "$tmp"
