#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test of Zairyu: formatting, lints, the
# dependency-direction check, the UI's type check, lint and tests, and every Rust test
# (unit, integration, and the end-to-end suite against the real app under Xvfb).
# Prints how long each stage took. Exits non-zero at the first failing stage.
set -euo pipefail
cd "$(dirname "$0")/.."
# One run from a clean tree: incremental compilation would only add a gigabyte of cache.
export CARGO_INCREMENTAL=0

declare -a timings=()
stage() {
  local name=$1; shift
  printf '\n==== %s\n' "$name"
  local start=$SECONDS
  "$@"
  timings+=("$(printf '%-28s %4ds' "$name" $((SECONDS - start)))")
}
report() {
  printf '\n==== stage timings\n'
  printf '%s\n' "${timings[@]}"
}
trap report EXIT

stage "setup"            timeout 2400 scripts/setup.sh --tests
stage "cargo fmt"        cargo fmt --all --check
stage "dependency check" scripts/check-deps.sh
stage "ui type check"    npm --prefix ui run --silent check
stage "ui lint"          npm --prefix ui run --silent lint
stage "ui tests"         npm --prefix ui test --silent
stage "cargo clippy"     timeout 1800 cargo clippy --workspace --all-targets -- -D warnings
stage "build tests"      timeout 1800 cargo test --workspace --no-run
stage "rust tests + e2e" timeout 1800 xvfb-run -a -s "-screen 0 1280x800x24" \
  cargo test --workspace --no-fail-fast -- --test-threads=2
