#!/usr/bin/env bash
# Installs what a fresh Debian/Ubuntu machine lacks to build, run and test Zairyu, then builds
# the UI and the Rust binaries. Safe to run again: it installs only what is missing.
#   scripts/setup.sh            system packages, tools, npm dependencies, UI and debug binaries
#   scripts/setup.sh --tests    the same, and the Rust build is every test target as well
#                               (scripts/test-all.sh): one build whose features are unified over
#                               the workspace and its dev-dependencies, so the test build that
#                               follows reuses every compiled crate instead of building many a
#                               second time with other features (minutes on two cores)
#   scripts/setup.sh --system-only   only what needs the system: Debian packages, the Python
#                               tools' .venv and the Node.js version check; no Rust, no npm,
#                               no build (a fresh container or chroot, CI images)
set -euo pipefail
cd "$(dirname "$0")/.."
for_tests=false
system_only=false
case "${1:-}" in
  --tests) for_tests=true ;;
  --system-only) system_only=true ;;
  "") ;;
  *) echo "usage: scripts/setup.sh [--tests | --system-only]" >&2; exit 2 ;;
esac

# Vite 8 needs Node.js 20.19+ or 22.12+ (Debian 13 ships 20.19; Debian 12 and Ubuntu 24.04 ship
# 18, too old).
node_ok() { node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)||(a===20&&b>=19)?0:1)' 2>/dev/null; }
# The same test for a Debian version string such as 20.19.2+dfsg-1 or 18.19.0+dfsg-6~deb12u2.
deb_node_ok() { awk -v v="$1" 'BEGIN { sub(/^[0-9]+:/, "", v); split(v, p, /[.+~-]/); a=p[1]+0; b=p[2]+0; exit !(a>22 || (a==22 && b>=12) || (a==20 && b>=19)) }'; }
node_howto() {
  cat >&2 <<'HOWTO'
Install Node.js 22 LTS, then run this again; one of:
  - NodeSource's Debian/Ubuntu packages (https://github.com/nodesource/distributions):
      sudo apt-get install -y curl    # if it is missing
      curl -fsSL https://deb.nodesource.com/setup_22.x -o nodesource_setup.sh
      sudo bash nodesource_setup.sh && sudo apt-get install -y nodejs
  - the official binaries from https://nodejs.org/en/download (or nvm: nvm install 22)
  - Ubuntu: sudo snap install node --classic --channel=22
HOWTO
}

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
say() { printf '\n== %s\n' "$*"; }

say "system packages (scripts/apt-packages.txt)"
mapfile -t wanted < <(grep -vE '^[[:space:]]*(#|$)' scripts/apt-packages.txt)
missing=()
for pkg in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
updated=false
apt_update() { $updated || sudo_if_needed apt-get update; updated=true; }
if ! command -v node >/dev/null; then
  # The distribution's Node.js only when it is new enough (Debian 13: 20.19); Debian 12 and
  # Ubuntu 24.04 ship 18, which would only be replaced (and drag in hundreds of node-* packages).
  apt_update
  candidate=$(apt-cache policy nodejs 2>/dev/null | awk '/Candidate:/ { print $2 }')
  if [ -n "$candidate" ] && [ "$candidate" != "(none)" ] && deb_node_ok "$candidate"; then
    missing+=(nodejs npm)
  else
    echo "the distribution's Node.js (${candidate:-none}) is too old for Vite 8: left out (see below)"
  fi
fi
# Chromium for the accessibility test: Debian's package, else (Ubuntu, whose chromium-browser
# only installs the snap) Playwright's own build, fetched after the npm packages below.
chromium_from_playwright=false
if [ ${#missing[@]} -gt 0 ]; then
  apt_update
  installable=()
  for pkg in "${missing[@]}"; do
    # (awk reads it all: `grep -q` would end the pipe early, which pipefail counts as failure)
    candidate=$(apt-cache policy "$pkg" 2>/dev/null | awk '/Candidate:/ { print $2 }')
    if [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
      installable+=("$pkg")
    elif [ "$pkg" = chromium ]; then
      chromium_from_playwright=true
      echo "this distribution has no chromium package: Playwright's Chromium is fetched with the UI's npm packages"
    else
      echo "not in this distribution's archive (left out): $pkg" >&2
    fi
  done
  if [ ${#installable[@]} -gt 0 ]; then
    echo "installing: ${installable[*]}"
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${installable[@]}"
  fi
else
  echo "all ${#wanted[@]} present"
fi

# Python tools live in the repository's own virtual environment: Debian 12/13 and Ubuntu 24.04
# refuse `pip install` outside one (PEP 668). The tests find them there (crates/testkit
# python_tools.rs); a stamp skips pip when the requirements did not change.
mapfile -t pyreqs < <(grep -vE '^[[:space:]]*(#|$)' scripts/python-requirements.txt || true)
if [ ${#pyreqs[@]} -gt 0 ]; then
  say "python packages (scripts/python-requirements.txt) in .venv"
  # (a .venv without pip is what a run before python3-venv was installed left: made again)
  if [ ! -x .venv/bin/python3 ] || ! .venv/bin/python3 -m pip --version >/dev/null 2>&1; then
    rm -rf .venv
    python3 -m venv .venv || { echo "python3 cannot make a virtual environment: install python3-venv (Debian/Ubuntu) and run this again" >&2; exit 1; }
  fi
  if ! cmp -s scripts/python-requirements.txt .venv/requirements.installed; then
    # pip trusts only its own CA list unless told: the system's (with a campus TLS proxy's or
    # a private CA an IT department added) when there is one.
    if [ -z "${PIP_CERT:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
      export PIP_CERT=/etc/ssl/certs/ca-certificates.crt
    fi
    .venv/bin/python3 -m pip install --quiet --disable-pip-version-check -r scripts/python-requirements.txt
    cp scripts/python-requirements.txt .venv/requirements.installed
  else
    echo "up to date"
  fi
fi

say "toolchains"
if ! command -v node >/dev/null; then
  echo "Node.js is missing: the UI's build tool (Vite 8) needs Node.js 20.19+ or 22.12+." >&2
  node_howto
  exit 1
fi
if ! node_ok; then
  echo "Node.js $(node --version) is too old: the UI's build tool (Vite 8) needs Node.js 20.19+ or 22.12+." >&2
  node_howto
  exit 1
fi
node --version
if $system_only; then
  echo "system part done (Rust, tauri-driver, the UI's npm packages and the build: scripts/setup.sh)"
  exit 0
fi
command -v cargo >/dev/null || { echo "Rust is missing: install it with rustup (https://rustup.rs), then run this again" >&2; exit 1; }
cargo --version

if ! command -v tauri-driver >/dev/null; then
  say "tauri-driver (WebDriver for the end-to-end tests)"
  cargo install tauri-driver --locked --version '^2'
fi

say "UI dependencies and build"
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  npm --prefix ui ci --no-audit --no-fund
fi
if $chromium_from_playwright && [ -z "${CHROMIUM:-}" ]; then
  npm --prefix ui exec -- playwright-core install chromium ||
    echo "Playwright's Chromium could not be fetched: set CHROMIUM to a Chromium or Chrome binary for the accessibility test" >&2
fi
# Rebuild the UI only when its sources changed: a fresh ui/dist makes Cargo re-embed it into
# the desktop binary, which costs minutes on every start of scripts/run-app.sh.
ui_sources=(ui/src ui/index.html ui/package.json ui/package-lock.json ui/vite.config.ts ui/svelte.config.js ui/tsconfig.json)
if [ ! -f ui/dist/index.html ] || [ -n "$(find "${ui_sources[@]}" -newer ui/dist/index.html -print -quit)" ]; then
  npm --prefix ui run build
else
  echo "ui/dist is up to date"
fi

if $for_tests; then
  # Libraries, binaries, tests and examples of every member in one resolution: the same units
  # `cargo test --workspace` builds, plus the desktop binary the end-to-end tests start.
  say "Rust binaries and tests (debug)"
  cargo build --workspace --lib --bins --tests --examples
else
  say "Rust binaries (debug)"
  cargo build -p zairyu -p zairyu-desktop
fi
