#!/usr/bin/env bash
# Measures the desktop app at idle: starts it under Xvfb with a fresh app-data folder, waits
# for it to settle, and prints for the app and every process it started (the WebKit web and
# network processes) the resident memory (RSS), the proportional share (PSS: shared pages
# divided among the processes sharing them) and the private memory (Private_Clean +
# Private_Dirty: what ending that process would give back), all from /proc/PID/smaps_rollup.
# Repeats IDLE_RUNS times (default 3) and prints the median of each total.
#   scripts/measure-idle.sh [path/to/zairyu-desktop]   (default: target/dist, release, debug)
# SETTLE_SECONDS (default 10) is the wait before reading; ZAIRYU_WEBVIEW_KNOBS is passed on.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
app=${1:-}
if [ -z "$app" ]; then
  for profile in dist release debug; do
    app=$target/$profile/zairyu-desktop
    [ -x "$app" ] && break
  done
fi
[ -x "$app" ] || { echo "no $app: build it first (cargo build --profile dist -p zairyu-desktop)" >&2; exit 1; }
settle=${SETTLE_SECONDS:-10}
runs=${IDLE_RUNS:-3}

descendants() {
  local p=$1
  echo "$p"
  for child in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$child"; done
}
# field NAME PID: a kB field of the process's smaps_rollup (0 when unreadable).
field() { awk -v f="$1:" '$1 == f {print $2; found=1} END {if (!found) print 0}' /proc/"$2"/smaps_rollup 2>/dev/null || echo 0; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

rss_totals=()
pss_totals=()
private_totals=()
for run in $(seq "$runs"); do
  data=$(mktemp -d)
  display=":$(( 80 + RANDOM % 9 ))"
  Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY="$display" ZAIRYU_DATA_DIR="$data" "$app" >/dev/null 2>&1 &
  pid=$!
  sleep "$settle"
  total=0 total_pss=0 total_private=0
  table=$(printf '%-8s %-20s %10s %10s %12s\n' PID PROCESS RSS_KiB PSS_KiB PRIVATE_KiB)
  for p in $(descendants "$pid"); do
    [ -r /proc/"$p"/status ] || continue
    name=$(awk '/^Name:/ {print $2}' /proc/"$p"/status)
    rss=$(field Rss "$p")
    pss=$(field Pss "$p")
    private=$(( $(field Private_Clean "$p") + $(field Private_Dirty "$p") ))
    table+=$'\n'$(printf '%-8s %-20s %10s %10s %12s' "$p" "$name" "$rss" "$pss" "$private")
    total=$((total + rss))
    total_pss=$((total_pss + pss))
    total_private=$((total_private + private))
  done
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
  rm -rf "$data"
  rss_totals+=("$total")
  pss_totals+=("$total_pss")
  private_totals+=("$total_private")
  printf 'idle run %d: RSS %s MiB, PSS %s MiB, private %s MiB\n' "$run" "$(mib "$total")" "$(mib "$total_pss")" "$(mib "$total_private")"
done
echo "$table"
echo "idle after ${settle}s, median of $runs: RSS total $(mib "$(median "${rss_totals[@]}")") MiB (shared pages counted in each process), PSS total $(mib "$(median "${pss_totals[@]}")") MiB, private total $(mib "$(median "${private_totals[@]}")") MiB"
echo "binary: $app, $(mib $(( $(stat -c %s "$app") / 1024 ))) MiB"
