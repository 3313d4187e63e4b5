#!/usr/bin/env bash
# Fetches the published Kaltura Player v7 bundle for the simulator's offline preview into
# tools/vendor/kaltura-player-js (git-ignored). Only the package itself: its dependency tree does
# not resolve here, and dist/kaltura-ovp-player.js is self-contained. Idempotent.
set -euo pipefail
version="${1:-3.17.95}"
dest="$(cd "$(dirname "$0")" && pwd)/vendor/kaltura-player-js"
if [ -f "$dest/package/dist/kaltura-ovp-player.js" ] && [ "$(cat "$dest/VERSION" 2>/dev/null)" = "$version" ]; then
  echo "present: @playkit-js/kaltura-player-js@$version"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@playkit-js/kaltura-player-js@$version" >/dev/null)
rm -rf "$dest"
mkdir -p "$dest"
tar -xzf "$tmp"/*.tgz -C "$dest" package/dist/kaltura-ovp-player.js package/package.json package/LICENSE
echo "$version" > "$dest/VERSION"
echo "installed: @playkit-js/kaltura-player-js@$version"
