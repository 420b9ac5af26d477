#!/usr/bin/env bash
# Benchmarks the reception server (release build, SQLite) on this machine with wrk:
# authenticated list reads per second and p99 latency, the time of a 25 MB streamed upload,
# and the server's peak memory (VmHWM) before and after it (flat: uploads go to disk).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: scripts/setup.sh installs it" >&2; exit 1; }
cargo build --release -p zairyu >/dev/null
data=$(mktemp -d)
target/release/zairyu serve --data "$data" --listen 127.0.0.1:0 2> "$data/log" & pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do grep -q listening "$data/log" && break; sleep 0.1; done
url=$(grep -o 'http://[0-9.:]*' "$data/log" | head -1)
json() { curl -s -H 'content-type: application/json' "$@"; }
json -X POST "$url/api/register" -d '{"email":"bench@example.jp","email_again":"bench@example.jp"}' >/dev/null
token=$(python3 - "$data/outbox" <<'PY'
import sys, os, email
for f in os.listdir(sys.argv[1]):
    body = email.message_from_bytes(open(os.path.join(sys.argv[1], f), 'rb').read()).get_payload(decode=True).decode()
    print(body.split('token=')[1].split()[0])
PY
)
json -X POST "$url/api/register/confirm" -d "{\"token\":\"$token\"}" >/dev/null
user=$(json -X POST "$url/api/register/complete" -d "{\"token\":\"$token\",\"user_type\":\"foreign_national\",\"name_en\":\"BENCH USER\",\"telephone\":\"0312345678\",\"password\":\"Bench#2026pw\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["user_id"])')
session=$(json -X POST "$url/api/login" -d "{\"user_id\":\"$user\",\"password\":\"Bench#2026pw\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
echo "== list reads: GET /api/applications (authenticated), 2 threads, 16 connections, 10 s"
wrk -t2 -c16 -d10s --latency -H "Authorization: Bearer $session" "$url/api/applications" | grep -E "Requests/sec|99%|Latency  "
echo "== procedures: GET /api/procedures?search=renewal&synonyms=true"
wrk -t2 -c16 -d10s --latency "$url/api/procedures?search=renewal&synonyms=true" | grep -E "Requests/sec|99%"
hwm() { awk '/VmHWM/ {print $2 " kB"}' /proc/$pid/status; }
echo "== peak memory before the upload: $(hwm)"
head -c 24900000 /dev/urandom > "$data/big.pdf"
start=$(date +%s.%N)
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $session" -F 'metadata={}' -F "attachment=@$data/big.pdf" "$url/api/applications")
end=$(date +%s.%N)
echo "== 24,900,000-byte streamed upload: $(python3 -c "print(f'{($end-$start)*1000:.0f} ms')") (HTTP $code: refused after streaming, the metadata is empty)"
echo "== peak memory after the upload: $(hwm)"
