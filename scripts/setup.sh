#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, run and test Zairyu, then builds
# the UI and the Rust binaries. Safe to run again: it installs only what is missing.
#   scripts/setup.sh            system packages, tools, npm dependencies, UI and debug binaries
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\n== %s\n' "$*"; }

say "system packages (scripts/apt-packages.txt)"
mapfile -t wanted < <(grep -vE '^[[:space:]]*(#|$)' scripts/apt-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ! command -v node >/dev/null; then missing+=(nodejs npm); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo_if_needed apt-get update
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
else
  echo "all ${#wanted[@]} present"
fi

say "toolchains"
command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "Node.js $(node --version) is too old: Vite needs 20.19 or newer" >&2; exit 1; }
cargo --version; node --version

mapfile -t pyreqs < <(grep -vE '^[[:space:]]*(#|$)' scripts/python-requirements.txt || true)
if [ ${#pyreqs[@]} -gt 0 ]; then
  say "python packages (scripts/python-requirements.txt)"
  python3 -m pip install --quiet --disable-pip-version-check -r scripts/python-requirements.txt
fi

if ! command -v tauri-driver >/dev/null; then
  say "tauri-driver (WebDriver for the end-to-end tests)"
  cargo install tauri-driver --locked --version '^2'
fi

say "UI dependencies and build"
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm --prefix ui ci --no-audit --no-fund
fi
npm --prefix ui run build

say "Rust binaries (debug)"
cargo build -p zairyu -p zairyu-desktop
