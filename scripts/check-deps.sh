#!/usr/bin/env bash
# Proves the dependency direction: the libraries never depend on Tauri, a web server or a
# database. Exits 1 naming the crate and the dependency that breaks the rule.
set -euo pipefail
cd "$(dirname "$0")/.."
core=(zairyu-app zairyu-card zairyu-card-sim zairyu-checks zairyu-forms zairyu-drafts)
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
