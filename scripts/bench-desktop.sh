#!/usr/bin/env bash
# The desktop app's benchmark: cold start to interactive (process start → first screen with
# data, reported by the app itself, and the wall-clock time seen from outside), idle memory of
# the app with its WebKit processes, and the release binary's size.
#   scripts/bench-desktop.sh [RUNS]      (default 5 launches; builds the release binary if missing)
# Targets (issue 7): ≤ 1 s to interactive, ≤ 150 MB RSS idle.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app=target/release/zairyu-desktop
if [ ! -x "$app" ] || [ -n "$(find src-tauri crates ui/dist -newer "$app" -name '*.rs' -o -newer "$app" -name '*.js' 2>/dev/null | head -1)" ]; then
  npm --prefix ui run build >/dev/null
  cargo build --release -p zairyu-desktop
fi

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

printf 'start-up to interactive, %s launches (fresh app-data folder each):\n' "$runs"
inside=()
outside=()
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  log=$(mktemp)
  t0=$(date +%s%N)
  DISPLAY="$display" ZAIRYU_DATA_DIR="$data" ZAIRYU_STARTUP_REPORT=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 "$app" 2>"$log" &
  pid=$!
  for _ in $(seq 300); do
    grep -q 'zairyu: interactive' "$log" && break
    sleep 0.02
  done
  t1=$(date +%s%N)
  ms_in=$(sed -n 's/.*interactive \([0-9]*\) ms.*/\1/p' "$log" | head -1)
  ms_out=$(( (t1 - t0) / 1000000 ))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$data" "$log"
  printf '  run %d: %s ms (app), %d ms (wall clock)\n' "$i" "${ms_in:-?}" "$ms_out"
  inside+=("${ms_in:-0}")
  outside+=("$ms_out")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "median: $(median "${inside[@]}") ms (app), $(median "${outside[@]}") ms (wall clock)"
echo
WEBKIT_DISABLE_DMABUF_RENDERER=1 scripts/measure-idle.sh "$app"
