#!/usr/bin/env bash
# Proves the dependency direction: every library crate (all workspace members but the CLI,
# the desktop shell and the server) never depends on Tauri, a web server or a database.
# Exits 1 naming the crate and the dependency that breaks the rule.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t core < <(cargo metadata --no-deps --format-version 1 |
  python3 -c 'import json,sys; [print(p["name"]) for p in json.load(sys.stdin)["packages"] if p["name"] not in ("zairyu","zairyu-desktop","zairyu-server")]')
[ ${#core[@]} -gt 0 ] || { echo "no library crates found" >&2; exit 1; }
forbidden='^(tauri|tauri-build|wry|axum|tower-http|hyper|rusqlite|libsqlite3-sys|tokio-postgres|postgres|sqlx) '
status=0
for crate in "${core[@]}"; do
  hits=$(cargo tree -p "$crate" -e normal,build --prefix none --format '{p}' 2>/dev/null | sort -u | grep -E "$forbidden" || true)
  if [ -n "$hits" ]; then
    echo "FAIL $crate depends on: $(echo "$hits" | tr '\n' ' ')"
    status=1
  else
    echo "ok   $crate"
  fi
done
exit $status
