#!/usr/bin/env bash
# The card benchmark, through real pcscd + vsmartcard-vpcd + `zairyu sim` (the virtual card):
#  1. APDUs per job (read the basic four; sign a SHA-256 digest with the authentication key),
#     counted in the virtual card's own access log (one line per command it received), for
#     Zairyu, for myna (jpki/myna's `myna` command) and for OpenSC (pkcs15-crypt) doing the same
#     job. A tool that cannot run here gets the reason in its column.
#  2. Zairyu's time per operation in-process and via PC/SC (`cargo bench -p zairyu-card`).
#   scripts/bench-card.sh [--counts]     (--counts: the APDU table only)
# ZAIRYU_BIN names a built `zairyu` to use (default: `cargo build --release -p zairyu`).
# Needs root for pcscd (as on the CI machine) and no other pcscd running. Finds myna on PATH
# or in target/bench-tools; else installs it with `cargo install` (from crates.io, or from a
# checkout of jpki/myna named by MYNA_SRC). OpenSC comes from Debian (`apt-get install opensc`).
set -euo pipefail
cd "$(dirname "$0")/.."
counts_only=${1:-}
target=${CARGO_TARGET_DIR:-target}
zairyu=${ZAIRYU_BIN:-}
if [ -z "$zairyu" ]; then
  cargo build --release -p zairyu
  zairyu=$target/release/zairyu
fi
if pgrep -x pcscd >/dev/null; then
  echo "another pcscd runs: stop it first (pcscd allows one per machine)" >&2
  exit 1
fi

work=$(mktemp -d)
cp /usr/lib/pcsc/drivers/serial/libifdvpcd.so "$work/libifdvpcd.so"
mkdir -p "$work/readers.d"
printf 'FRIENDLYNAME "Zairyu Bench"\nDEVICENAME /dev/null:0xA2C1\nLIBPATH %s\nCHANNELID 0xA2C1\n' "$work/libifdvpcd.so" > "$work/readers.d/bench"
pcscd -f -c "$work/readers.d" > "$work/pcscd.log" 2>&1 & pcscd_pid=$!
log=$work/access.jsonl
"$zairyu" sim --vpcd 127.0.0.1:41665 --access-log "$log" > "$work/sim.log" 2>&1 & sim_pid=$!
trap 'kill $sim_pid 2>/dev/null; kill -TERM $pcscd_pid 2>/dev/null; rm -rf "$work"' EXIT
reader="Zairyu Bench 00 00"
for _ in $(seq 50); do
  "$zairyu" card readers | grep -q "$reader.*card present" && break
  sleep 0.2
done

# --- the tools -------------------------------------------------------------------------------
tools=$target/bench-tools
myna=$(command -v myna || true)
[ -z "$myna" ] && [ -x "$tools/bin/myna" ] && myna=$tools/bin/myna
myna_why=""
if [ -z "$myna" ]; then
  if [ -n "${MYNA_SRC:-}" ]; then
    from=(--path "$MYNA_SRC")
  else
    from=(myna)
  fi
  if cargo install --quiet --debug --root "$tools" "${from[@]}" > "$work/myna-install.log" 2>&1 && [ -x "$tools/bin/myna" ]; then
    myna=$tools/bin/myna
  else
    myna_why=$(grep -m1 -i 'error' "$work/myna-install.log" | cut -c1-150)
    # crates.io's `myna` (0.3.0, yuki-js) is a library; jpki/myna (0.6, the command) is not
    # published there.
    grep -q 'no binaries' "$work/myna-install.log" &&
      myna_why="crates.io's 'myna' is a library without a command; set MYNA_SRC to a jpki/myna checkout"
  fi
fi
opensc_why=""
command -v pkcs15-crypt >/dev/null || opensc_why="pkcs15-crypt missing: apt-get install opensc"

# --- one job: the APDUs the card received while a command ran -----------------------------
lines() { if [ -f "$log" ]; then wc -l < "$log"; else echo 0; fi; }
# apdus CMD…: prints the count, or "failed: …" when the command fails.
apdus() {
  local before
  before=$(lines)
  if "$@" > "$work/out" 2> "$work/err"; then
    echo $(( $(lines) - before ))
  else
    echo "failed: $(tr '\n' ' ' < "$work/err" | cut -c1-100)"
  fi
}
with_stdin() { local input=$1; shift; printf '%s\n' "$input" | "$@"; }

digest=$(printf 'Zairyu bench' | sha256sum | cut -d' ' -f1)
printf '%s' "$digest" | xxd -r -p > "$work/digest.bin"
# The DigestInfo of that SHA-256 (what myna's low-level sign takes as its input).
{ printf '3031300d060960864801650304020105000420'; printf '%s' "$digest"; } | xxd -r -p > "$work/digestinfo.bin"

ours_read=$(apdus with_stdin 1234 "$zairyu" card read --reader "$reader" --pin-stdin --json)
ours_sign=$(apdus with_stdin 1234 "$zairyu" card sign --kind auth --digest "$digest" --reader "$reader" --pin-stdin --out "$work/ours.sig")

if [ -n "$myna" ]; then
  myna_read=$(apdus "$myna" text attrs --pin 1234)
  myna_sign=$(apdus "$myna" jpki pkey sign -t auth -p 1234 "$work/digestinfo.bin" -o "$work/myna.sig")
else
  myna_read="n/a"; myna_sign="n/a"
fi

opensc_read="n/a"
if [ -z "$opensc_why" ]; then
  # The authentication key's id, from OpenSC's own listing (not counted).
  key=$(pkcs15-tool --reader "$reader" --list-keys 2>/dev/null |
    awk '/Private RSA Key \[.*Auth/ {k=1} k && $1 == "ID" {print $3; exit}')
  key=${key:-01}
  opensc_sign=$(apdus pkcs15-crypt --reader "$reader" --sign --key "$key" --pin 1234 --sha-256 --pkcs1 -i "$work/digest.bin" -o "$work/opensc.sig")
else
  opensc_sign="n/a"
fi

echo "APDUs per job on the virtual card (its access log; each tool connects afresh):"
printf '  %-34s %8s %8s %8s\n' job Zairyu myna OpenSC
printf '  %-34s %8s %8s %8s\n' "read the basic four" "$ours_read" "$myna_read" "$opensc_read"
printf '  %-34s %8s %8s %8s\n' "sign a SHA-256 digest (auth key)" "$ours_sign" "$myna_sign" "$opensc_sign"
[ -n "$myna_why" ] && echo "  myna: not run: $myna_why"
[ -n "$opensc_why" ] && echo "  OpenSC: not run: $opensc_why"
echo "  OpenSC, basic four: its jpki driver knows only the JPKI application; it has no command for the card-info-input application (券面事項入力補助AP)"
if cmp -s "$work/ours.sig" "$work/opensc.sig" 2>/dev/null; then
  echo "  (Zairyu's and OpenSC's signatures are byte-identical)"
fi

[ "$counts_only" = "--counts" ] && exit 0
echo
ZAIRYU_BENCH_READER="$reader" cargo bench -p zairyu-card --bench card_ops
