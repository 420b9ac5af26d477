#!/usr/bin/env bash
# Measures the desktop app at idle: starts it under Xvfb with a fresh app-data folder, waits
# for it to settle, and prints the resident memory (RSS) of the app and of every process it
# started (the WebKit web and network processes), plus the binary's size.
#   scripts/measure-idle.sh [path/to/zairyu-desktop]   (default: target/release, else debug)
set -euo pipefail
cd "$(dirname "$0")/.."
app=${1:-}
if [ -z "$app" ]; then
  app=target/release/zairyu-desktop
  [ -x "$app" ] || app=target/debug/zairyu-desktop
fi
[ -x "$app" ] || { echo "no $app: build it first (cargo build -p zairyu-desktop)" >&2; exit 1; }
settle=${SETTLE_SECONDS:-10}

data=$(mktemp -d)
display=":$(( 80 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
sleep 1
DISPLAY="$display" ZAIRYU_DATA_DIR="$data" "$app" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid $xvfb 2>/dev/null || true; rm -rf "$data"' EXIT
sleep "$settle"

descendants() {
  local p=$1
  echo "$p"
  for child in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$child"; done
}
total=0
total_pss=0
printf '%-8s %-20s %10s %10s\n' PID PROCESS RSS_KiB PSS_KiB
for p in $(descendants "$pid"); do
  [ -r /proc/"$p"/status ] || continue
  name=$(awk '/^Name:/ {print $2}' /proc/"$p"/status)
  rss=$(awk '/^VmRSS:/ {print $2}' /proc/"$p"/status)
  rss=${rss:-0}
  pss=$(awk '/^Pss:/ {print $2}' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
  pss=${pss:-0}
  printf '%-8s %-20s %10s %10s\n' "$p" "$name" "$rss" "$pss"
  total=$((total + rss))
  total_pss=$((total_pss + pss))
done
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "idle after ${settle}s: RSS total $(mib "$total") MiB (shared pages counted in each process), PSS total $(mib "$total_pss") MiB"
echo "binary: $app, $(mib $(( $(stat -c %s "$app") / 1024 ))) MiB"
