#!/usr/bin/env bash
# Regenerates every icon in icons/ from the one committed source, icons/source.svg.
# Needs the UI's npm dependencies (npm --prefix ui ci), which carry the Tauri CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
ui/node_modules/.bin/tauri icon icons/source.svg -o icons
rm -rf icons/android icons/ios   # Zairyu is a desktop app
