#!/usr/bin/env bash
# Sets up what is missing and starts the Zairyu desktop app in the demo profile.
# With no display (a server, CI), it starts Xvfb and saves a screenshot of the window to
# test-output/screenshots/run-app.png after a few seconds; the app keeps running until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export ZAIRYU_PROFILE="${ZAIRYU_PROFILE:-demo}"
app=target/debug/zairyu-desktop

if [ -n "${DISPLAY:-}" ]; then
  exec "$app"
fi

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$app_pid" "$xvfb_pid" 2>/dev/null || true' EXIT INT TERM
sleep 1
DISPLAY="$display" "$app" &
app_pid=$!
echo "Zairyu runs on the virtual display $display (no screen here)."
sleep "${SCREENSHOT_AFTER:-8}"
mkdir -p test-output/screenshots
DISPLAY="$display" import -window root test-output/screenshots/run-app.png
echo "screenshot: test-output/screenshots/run-app.png"
if [ -n "${ZAIRYU_RUN_ONCE:-}" ]; then exit 0; fi
wait "$app_pid"
