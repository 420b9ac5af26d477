#!/usr/bin/env bash
# The read benchmark of scripts/bench-server.sh against two server processes sharing one
# PostgreSQL (a throwaway cluster of Debian's postgresql, owned by the postgres user when run
# as root). Prints reads/s and p99 of each server while both are loaded at once.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: scripts/setup.sh installs it" >&2; exit 1; }
bin=$(ls -d /usr/lib/postgresql/*/bin | head -1)
cargo build --release -p zairyu >/dev/null 2>&1
work=$(mktemp -d); chmod 755 "$work"; mkdir "$work/pg"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$work/pg"
as_pg "$bin/initdb" -D "$work/pg" -U zairyu --auth=trust --no-locale -E UTF8 >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
as_pg "$bin/pg_ctl" -D "$work/pg" -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
export ZAIRYU_SERVER_POSTGRES="host=127.0.0.1 port=$port user=zairyu dbname=postgres"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; as_pg "$bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for s in a b; do
  mkdir -p "$work/$s"
  target/release/zairyu serve --data "$work/$s" --listen 127.0.0.1:0 2> "$work/$s.log" & pids+=($!)
done
for s in a b; do for _ in $(seq 50); do grep -q listening "$work/$s.log" && break; sleep 0.1; done; done
a=$(grep -o 'http://[0-9.:]*' "$work/a.log" | head -1); b=$(grep -o 'http://[0-9.:]*' "$work/b.log" | head -1)
json() { curl -s -H 'content-type: application/json' "$@"; }
json -X POST "$a/api/register" -d '{"email":"bench@example.jp","email_again":"bench@example.jp"}' >/dev/null
token=$(python3 - "$work/a/outbox" <<'PY'
import sys, os, email
for f in os.listdir(sys.argv[1]):
    print(email.message_from_bytes(open(os.path.join(sys.argv[1], f), 'rb').read()).get_payload(decode=True).decode().split('token=')[1].split()[0])
PY
)
json -X POST "$a/api/register/confirm" -d "{\"token\":\"$token\"}" >/dev/null
user=$(json -X POST "$a/api/register/complete" -d "{\"token\":\"$token\",\"user_type\":\"foreign_national\",\"name_en\":\"BENCH USER\",\"telephone\":\"0312345678\",\"password\":\"Bench#2026pw\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user_id"])')
# Signed in on server A, the session works on server B: the state is in the database.
session=$(json -X POST "$b/api/login" -d "{\"user_id\":\"$user\",\"password\":\"Bench#2026pw\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
echo "== two servers on one PostgreSQL: GET /api/applications on both at once, 1 thread + 8 connections each, 10 s"
wrk -t1 -c8 -d10s --latency -H "Authorization: Bearer $session" "$a/api/applications" > "$work/wa" &
wrk -t1 -c8 -d10s --latency -H "Authorization: Bearer $session" "$b/api/applications" > "$work/wb"
wait %?wrk 2>/dev/null || sleep 1
for s in a b; do echo "server $s: $(grep Requests/sec "$work/w$s") p99 $(grep ' 99%' "$work/w$s" | awk '{print $2}')"; done
