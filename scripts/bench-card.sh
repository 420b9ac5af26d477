#!/usr/bin/env bash
# Runs the card benchmark in-process and through real pcscd + vsmartcard-vpcd + `zairyu sim`
# (release build). Needs root for pcscd (as on the CI machine) and no other pcscd running.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p zairyu
work=$(mktemp -d)
cp /usr/lib/pcsc/drivers/serial/libifdvpcd.so "$work/libifdvpcd.so"
mkdir -p "$work/readers.d"
printf 'FRIENDLYNAME "Zairyu Bench"\nDEVICENAME /dev/null:0xA2C1\nLIBPATH %s\nCHANNELID 0xA2C1\n' "$work/libifdvpcd.so" > "$work/readers.d/bench"
pcscd -f -c "$work/readers.d" > "$work/pcscd.log" 2>&1 & pcscd_pid=$!
target/release/zairyu sim --vpcd 127.0.0.1:41665 > "$work/sim.log" 2>&1 & sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; kill -TERM $pcscd_pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do
  target/release/zairyu card readers | grep -q "Zairyu Bench 00 00.*card present" && break
  sleep 0.2
done
ZAIRYU_BENCH_READER="Zairyu Bench 00 00" cargo bench -p zairyu-card --bench card_ops
