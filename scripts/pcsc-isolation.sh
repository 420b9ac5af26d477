#!/usr/bin/env bash
# Shows that the card tests neither use nor break the machine's own pcscd: a "system" pcscd
# with no reader owns /run/pcscd/pcscd.comm — started by socket activation as Debian's
# pcscd.socket does (systemd-socket-activate), or plainly when that tool is missing, or the
# one already running — then a card test runs (its own pcscd on a private socket, see
# tests/support/pcsc_stack.rs) and must see its virtual cards; afterwards the system pcscd must
# still answer on its socket, still with no reader.
#   scripts/pcsc-isolation.sh [TEST [FILTER]]   default: card_pcsc, every test in it
# Needs root (the system pcscd's /run/pcscd), a built tree (`cargo build --workspace --lib
# --bins --tests --examples`) and CARGO_TARGET_DIR if the build used one.
set -euo pipefail
cd "$(dirname "$0")/.."
test_name=${1:-card_pcsc}
filter=${2:-}
system_socket=/run/pcscd/pcscd.comm
work=$(mktemp -d)
started=""
cleanup() {
  if [ -n "$started" ]; then
    kill -TERM "$started" 2>/dev/null && wait "$started" 2>/dev/null
    # Socket activation leaves the socket file behind, as systemd would keep it.
    rm -f "$system_socket"
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# What a PC/SC client sees on the default socket (PCSCLITE_CSOCK_NAME unset).
system_view() { env -u PCSCLITE_CSOCK_NAME timeout 10 pcsc_scan -r 2>&1 || true; }

if [ -S "$system_socket" ] && system_view | grep -q "No reader found\|^[0-9]*:"; then
  echo "== a system pcscd already answers on $system_socket"
else
  mkdir -p "$work/no-readers.d" /run/pcscd
  if command -v systemd-socket-activate >/dev/null; then
    echo "== system pcscd: socket-activated on $system_socket (as pcscd.socket), no reader"
    systemd-socket-activate -l "$system_socket" pcscd -f -c "$work/no-readers.d" > "$work/system-pcscd.log" 2>&1 &
  else
    echo "== system pcscd: plain, on $system_socket, no reader"
    pcscd -f -c "$work/no-readers.d" > "$work/system-pcscd.log" 2>&1 &
  fi
  started=$!
  for _ in $(seq 50); do [ -S "$system_socket" ] && break; sleep 0.1; done
fi
before=$(system_view)
echo "default socket before: $before"

echo "== cargo test --test $test_name $filter"
xvfb-run -a -s "-screen 0 1280x800x24" cargo test --test "$test_name" -- $filter --test-threads=2

after=$(system_view)
echo "default socket after:  $after"
if ! echo "$after" | grep -q "No reader found"; then
  echo "FAIL: the system pcscd no longer answers on $system_socket, or lists the test's readers" >&2
  exit 1
fi
[ -S "$system_socket" ] || { echo "FAIL: $system_socket is gone" >&2; exit 1; }
if [ -n "$started" ] && ! kill -0 "$started" 2>/dev/null; then
  echo "FAIL: the system pcscd stopped" >&2
  exit 1
fi
echo "OK: the card tests used their own pcscd; the system's still answers, with no reader"
