#!/usr/bin/env bash
# The desktop app's benchmark: cold start to interactive (process start → first screen with
# data, reported by the app itself with the stages on the way, and the wall-clock time seen
# from outside), idle memory (RSS, PSS and private, per process) of the app with its WebKit
# processes, and the binary's size. Medians over the runs.
#   scripts/bench-desktop.sh [RUNS]          (default 7 launches)
#   scripts/bench-desktop.sh --knobs [RUNS]  (the same for each WebKit knob alone, all, none)
# BENCH_PROFILE chooses the build (default dist, the shipped one; release for a quicker build);
# the binary is built when missing or older than the sources.
# Targets (issue 18): ≤ 500 ms to interactive (median).
set -euo pipefail
cd "$(dirname "$0")/.."
# A desktop session has a D-Bus session bus; a bare Xvfb has none, and then GLib, the
# notification and single-instance plugins (zbus) and the accessibility bridge each start one
# by X11 autolaunch (`dbus-launch --autolaunch`, several at once) while the app starts, which
# no student's desktop does: without a bus, 5 of 9 launches started their page about 480 ms
# later than the rest (2026-12-01, sixth session's note). So the benchmark runs inside a
# session bus of its own (dbus-run-session, Debian's dbus package), where the accessibility
# bus is activated as on a desktop.
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- "$0" "$@"
fi
knobs_mode=""
if [ "${1:-}" = "--knobs" ]; then
  knobs_mode=1
  shift
fi
runs=${1:-7}
profile=${BENCH_PROFILE:-dist}
target=${CARGO_TARGET_DIR:-target}
app=$target/$profile/zairyu-desktop
if [ ! -x "$app" ] || [ -n "$(find src-tauri crates ui/dist -newer "$app" -name '*.rs' -o -newer "$app" -name '*.js' 2>/dev/null | head -1)" ]; then
  npm --prefix ui run build >/dev/null
  cargo build --profile "$profile" -p zairyu-desktop
fi

display=":$(( 90 + RANDOM % 9 ))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1

# WebKitGTK's DMABUF renderer finds no GPU under Xvfb; off, as the benchmark always had it.
export WEBKIT_DISABLE_DMABUF_RENDERER=${WEBKIT_DISABLE_DMABUF_RENDERER-1}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# startup: RUNS launches with the current environment; prints each and the medians.
startup() {
  local inside=() outside=() stages_all=""
  printf 'start-up to interactive, %s launches (fresh app-data folder each):\n' "$runs"
  for i in $(seq "$runs"); do
    local data log t0 t1 ms_in ms_out stages
    data=$(mktemp -d)
    log=$(mktemp)
    t0=$(date +%s%N)
    DISPLAY="$display" ZAIRYU_DATA_DIR="$data" ZAIRYU_STARTUP_REPORT=1 "$app" 2>"$log" &
    pid=$!
    for _ in $(seq 500); do
      grep -q 'zairyu: interactive' "$log" && break
      sleep 0.01
    done
    t1=$(date +%s%N)
    ms_in=$(sed -n 's/.*interactive \([0-9]*\) ms.*/\1/p' "$log" | head -1)
    ms_out=$(( (t1 - t0) / 1000000 ))
    stages=$(sed -n 's/^zairyu: stages //p' "$log" | head -1)
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    rm -rf "$data" "$log"
    printf '  run %d: %s ms (app), %d ms (wall clock)  [%s]\n' "$i" "${ms_in:-?}" "$ms_out" "$stages"
    inside+=("${ms_in:-0}")
    outside+=("$ms_out")
    stages_all+="$stages"$'\n'
  done
  # The median of each stage, in the order the stages come.
  local stage_medians
  stage_medians=$(printf '%s' "$stages_all" | tr ' ' '\n' | awk -F= 'NF == 2 {
      if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 }
      v[$1, ++c[$1]] = $2
    } END {
      for (i = 1; i <= n; i++) {
        s = order[i]; m = c[s]
        for (a = 1; a <= m; a++) x[a] = v[s, a]
        for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (x[b] < x[a]) { t = x[a]; x[a] = x[b]; x[b] = t }
        printf "%s=%s ", s, x[int((m + 1) / 2)]
      }
    }')
  echo "median: $(median "${inside[@]}") ms (app), $(median "${outside[@]}") ms (wall clock); stages (ms since start): $stage_medians"
}

if [ -z "$knobs_mode" ]; then
  startup
  echo
  scripts/measure-idle.sh "$app"
  exit 0
fi

# Each WebKit knob alone (webview_tuning.rs), then all, then none; the kept set is the default.
# The last line is WebKitGTK's DMABUF renderer left on (the runs above have it off, as the
# benchmark always had under Xvfb).
for config in none document-viewer no-compositing no-unused-features \
  document-viewer,no-compositing,no-unused-features "none dmabuf"; do
  knobs=${config% dmabuf}
  echo "=== ZAIRYU_WEBVIEW_KNOBS=$knobs${config#"$knobs"}"
  export ZAIRYU_WEBVIEW_KNOBS=$knobs
  if [ "$config" != "$knobs" ]; then unset WEBKIT_DISABLE_DMABUF_RENDERER; fi
  startup
  scripts/measure-idle.sh "$app" | tail -3
  echo
done
