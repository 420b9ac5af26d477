#!/usr/bin/env bash
# Proves the dependency rules, and exits 1 naming what breaks one:
# 1. direction: every library crate (all workspace members but the CLI, the desktop shell and
#    the server) never depends on Tauri, a web server or a database (the app layer, the
#    server's HTTP client, may have reqwest's hyper);
# 2. the demo parts stay out of a production build: without the `demo` feature, zairyu-app has
#    no virtual card (zairyu-card-sim) and zairyu-desktop neither that nor the bundled server
#    (zairyu-server); both are clippy-clean so; and the demo private keys of
#    crates/card-sim/keys/ (their PEM text is what card-sim compiles in) are nowhere else, so no
#    production binary can contain them (`--binary` builds one and searches it as well).
# CI runs it with no argument: the tree checks, where the key text is, and clippy without demo.
# `--quick` skips the clippy (seconds in all); `--binary` adds a debug production build of the
# desktop and a search of it for the keys (minutes: its features differ from the test build's,
# so most of the Tauri stack is compiled again).
set -euo pipefail
cd "$(dirname "$0")/.."
quick=false binary=false
[ "${1:-}" = "--quick" ] && quick=true
[ "${1:-}" = "--binary" ] && binary=true
status=0
timed() { # NAME COMMAND…: runs it, printing how long it took
  local name=$1 start=$SECONDS
  shift
  "$@"
  echo "     ($name: $((SECONDS - start)) s)"
}

# 1. Direction.
mapfile -t core < <(cargo metadata --no-deps --format-version 1 |
  python3 -c 'import json,sys; [print(p["name"]) for p in json.load(sys.stdin)["packages"] if p["name"] not in ("zairyu","zairyu-desktop","zairyu-server")]')
[ ${#core[@]} -gt 0 ] || { echo "no library crates found" >&2; exit 1; }
forbidden='^(tauri|tauri-build|wry|axum|tower-http|hyper|rusqlite|libsqlite3-sys|tokio-postgres|postgres|sqlx) '
# The app layer is the reception server's client: reqwest brings hyper (and tower-http) as its
# HTTP machinery, so only there they are allowed; a web server framework (axum) still is not.
client_forbidden='^(tauri|tauri-build|wry|axum|rusqlite|libsqlite3-sys|tokio-postgres|postgres|sqlx) '
for crate in "${core[@]}"; do
  rule=$forbidden
  [ "$crate" = zairyu-app ] && rule=$client_forbidden
  hits=$(cargo tree -p "$crate" -e normal,build --prefix none --format '{p}' 2>/dev/null | sort -u | grep -E "$rule" || true)
  if [ -n "$hits" ]; then
    echo "FAIL $crate depends on: $(echo "$hits" | tr '\n' ' ')"
    status=1
  else
    echo "ok   $crate"
  fi
done

# 2. No demo parts without the `demo` feature. The desktop keeps custom-protocol (what a
# release build has), which also keeps Tauri's features, so its compiled crates are reused.
demo_only='^(zairyu-card-sim|zairyu-server) '
production_builds=(
  "zairyu-app --no-default-features"
  "zairyu-desktop --no-default-features --features custom-protocol"
)
for build in "${production_builds[@]}"; do
  read -r -a args <<<"$build"
  hits=$(cargo tree -e normal --prefix none --format '{p}' -p "${args[@]}" | sort -u | grep -E "$demo_only" || true)
  if [ -n "$hits" ]; then
    echo "FAIL ${args[0]} without demo depends on: $(echo "$hits" | tr '\n' ' ')"
    status=1
  else
    echo "ok   ${args[0]} without demo: no zairyu-card-sim, no zairyu-server"
  fi
done
# Where the demo private keys are: one line from the middle of each (the lines around it are
# only PEM framing and the PKCS#8 prefix every RSA-2048 key shares).
keys=(crates/card-sim/keys/*.pem)
patterns=$(for pem in "${keys[@]}"; do sed -n 3p "$pem"; done)
[ "$(echo "$patterns" | grep -c .)" -eq ${#keys[@]} ] || { echo "cannot read the demo keys" >&2; exit 1; }
# The keys' text is only in zairyu-card-sim, and only zairyu-card-sim's sources embed them: with
# the tree check above (a build without demo has no zairyu-card-sim), no production binary
# can hold them. `--binary` also builds that binary and searches it.
elsewhere=$(git grep -l -F -f <(echo "$patterns") -- . ':!crates/card-sim/keys' || true)
embedders=$(git grep -l -E 'include_(str|bytes)!\([^)]*keys/' -- '*.rs' ':!crates/card-sim' || true)
if [ -n "$elsewhere$embedders" ]; then
  echo "FAIL demo private key text or an include of it outside crates/card-sim: $(echo "$elsewhere $embedders" | tr '\n' ' ')"
  status=1
else
  echo "ok   the ${#keys[@]} demo private keys are only in zairyu-card-sim"
fi
$quick && exit $status

# Without demo, the app layer and the desktop shell are clippy-clean (dead code there shows
# up only when demo is off).
if timed "clippy without demo" cargo clippy --quiet -p zairyu-app -p zairyu-desktop \
  --no-default-features --features zairyu-desktop/custom-protocol -- -D warnings; then
  echo "ok   zairyu-app and zairyu-desktop without demo: clippy clean"
else
  echo "FAIL zairyu-app or zairyu-desktop without demo: clippy warns (see above)"
  status=1
fi
$binary || exit $status

# How many of the keys are in a file (a line may sit in a longer string, e.g. escaped).
found_in() { strings -a -n 60 "$1" | grep -F -o -f <(echo "$patterns") | sort -u | grep -c . || true; }

# The search works: card-sim's own library holds every key.
timed "card-sim build" cargo build --quiet -p zairyu-card-sim --lib
debug=${CARGO_TARGET_DIR:-target}/debug
sim_lib=$(ls -t "$debug"/deps/libzairyu_card_sim-*.rlib | head -1)
if [ "$(found_in "$sim_lib")" -ne ${#keys[@]} ]; then
  echo "FAIL the key search finds no key in $sim_lib: the search is broken"
  exit 1
fi

# The production binary (debug profile: the same compiled dependencies as the tests). Cargo
# puts it where the default build's binary is, which the end-to-end tests run: keep that one.
app=$debug/zairyu-desktop
kept=$debug/.zairyu-desktop.with-demo
[ -e "$app" ] && ln -f "$app" "$kept"
restore() { if [ -e "$kept" ]; then mv -f "$kept" "$app"; fi; }
trap restore EXIT
# zairyu-server and zairyu-card-sim are built beside it only so that the dependencies they share
# with Tauri resolve to the same features as the demo build and are reused rather than built a
# second time (minutes on two cores); the desktop binary links neither (the tree check above).
# The build's own warnings fail the check, as clippy would (dead code without demo).
build_log=$(mktemp)
timed "production build" cargo build -p zairyu-desktop -p zairyu-server -p zairyu-card-sim \
  --no-default-features --features zairyu-desktop/custom-protocol 2>&1 | tee "$build_log" | grep -v '^ *Compiling' || true
if grep -qE '^(warning|error)' "$build_log"; then
  echo "FAIL zairyu-desktop without demo: the build warns or fails (see above)"
  status=1
fi
rm -f "$build_log"
count=$(found_in "$app")
if [ "$count" -ne 0 ]; then
  echo "FAIL zairyu-desktop without demo contains $count demo private key(s) of crates/card-sim/keys/"
  status=1
else
  echo "ok   zairyu-desktop without demo: none of the ${#keys[@]} demo private keys is in the binary"
fi
exit $status
