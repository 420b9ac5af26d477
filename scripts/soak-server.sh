#!/usr/bin/env bash
# Soak of the reception server (release build), only ever against 127.0.0.1 and bounded in time:
# USERS concurrent users (default 1000) for MINUTES (default 10) on SQLite, or with --postgres
# on two server processes sharing one PostgreSQL (a throwaway cluster of Debian's postgresql).
#
#   scripts/soak-server.sh [--postgres] [--users N] [--minutes M] [--think-ms MS]
#
# What the users do:
# - sign in: every account once at the start over HTTP (examples/soak_driver.rs, 16 at once),
#   then sign-ins all through the soak (wrk, scripts/soak/sign-in.lua, about 2 a second);
# - read: each user keeps a connection open and, every THINK_MS ±50 % (default 2000 ms),
#   reads the status of their applications or, one time in three, searches the procedures
#   (wrk, scripts/soak/reads.lua; about USERS/2 requests a second);
# - submit: one signed 25 MB submission (a photo and seven scan-style PDFs, signed by a card
#   of the demo CA bound by the usage application) per 50 users, spread over the soak (curl).
# The server's RSS is sampled every 5 s; printed: the latency percentiles and the count of
# every HTTP status of the reads and sign-ins, each upload's status and time, and the RSS
# (first, last, max, and the mean of the second minute against the mean of the last minute).
#
# The load tool is wrk (Debian's `wrk`, also scripts/bench-server.sh's): it is C and epoll, so a
# thousand connections cost the shared two cores little next to the server; its Lua scripts give
# every request its own user's session, a think time between requests and a count of every
# status. (oha sends one fixed request from every connection; k6 is not on a registry this
# machine reaches; a Python tool would spend the cores the server needs.)
#
# The accounts, the usage applications and the signed submissions are made beforehand by
# examples/soak_driver.rs through the reception office, straight into the database: the
# registration e-mails and their budgets (20 per client in 10 minutes, all load comes from
# 127.0.0.1) are not what is soaked.
#
# Load-test configuration (the file written below; never for a real deployment): the demo
# profile (the submissions are signed by the virtual card), one server id for both servers,
# and max_connections = USERS + 200, since every user holds a connection open (the default 256
# would leave the rest waiting in the listen queue). Nothing else differs from the defaults:
# sign-ins that succeed use no sign-in budget, and reads and submissions have none.
set -euo pipefail
cd "$(dirname "$0")/.."

users=1000 minutes=10 postgres=0 think_ms=2000
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=1 ;;
    --users) users=$2; shift ;;
    --minutes) minutes=$2; shift ;;
    --think-ms) think_ms=$2; shift ;;
    *) echo "usage: $0 [--postgres] [--users N] [--minutes M] [--think-ms MS]" >&2; exit 2 ;;
  esac
  shift
done

# What the soak needs: wrk, curl, python3 and (--postgres) PostgreSQL, from Debian.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
[ "$postgres" = 1 ] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 && missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "soak: install ${missing[*]} (apt-get) first" >&2; exit 1; }
  apt-get install -y -q "${missing[@]}" >/dev/null
fi
# A thousand connections on each side: more file descriptors than the usual 1024.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

target=${CARGO_TARGET_DIR:-target}
cargo build --release -q -p zairyu --bin zairyu --example soak_driver
zairyu=$target/release/zairyu driver=$target/release/examples/soak_driver

work=$(mktemp -d /tmp/zairyu-soak.XXXXXX); chmod 755 "$work"
pids=() background=()
pg_bin=""
cleanup() {
  for p in "${background[@]}" "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "$pg_bin" ]; then as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

pg_url=""
servers=(a)
if [ "$postgres" = 1 ]; then
  servers=(a b)
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
  mkdir "$work/pg"; [ "$(id -u)" = 0 ] && chown postgres:postgres "$work/pg"
  as_pg "$pg_bin/initdb" -D "$work/pg" -U zairyu --auth=trust --no-locale -E UTF8 >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$pg_bin/pg_ctl" -D "$work/pg" -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1" -l "$work/pg/log" -w start >/dev/null
  pg_url="host=127.0.0.1 port=$port user=zairyu dbname=postgres"
fi

for s in "${servers[@]}"; do
  mkdir -p "$work/$s"
  {
    echo "# Load-test configuration written by scripts/soak-server.sh: never for a real deployment."
    echo "profile = \"demo\""
    echo "server_id = \"zairyu-soak\""
    echo "max_connections = $((users + 200))"
    [ -n "$pg_url" ] && echo "postgres = \"$pg_url\""
  } > "$work/$s.toml"
done

echo "== soak: $users users, $minutes min, think time ${think_ms} ms, $([ "$postgres" = 1 ] && echo "two servers on one PostgreSQL" || echo "one server on SQLite"); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
pg_args=()
[ -n "$pg_url" ] && pg_args=(--postgres "$pg_url")
# TMPDIR: the test corpus the photo comes from is built in the work folder (removed at the end).
TMPDIR=$work "$driver" prepare --data "$work/a" "${pg_args[@]}" --server-id zairyu-soak \
  --users "$users" --out "$work/out"

urls=()
for s in "${servers[@]}"; do
  "$zairyu" serve --config "$work/$s.toml" --data "$work/$s" --listen 127.0.0.1:0 2> "$work/$s.log" &
  pids+=($!)
done
for s in "${servers[@]}"; do
  for _ in $(seq 100); do grep -q listening "$work/$s.log" && break; sleep 0.1; done
  urls+=("$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/$s.log" | head -1)")
done
[ ${#urls[@]} = ${#servers[@]} ] && [ -n "${urls[-1]}" ] || { cat "$work"/*.log >&2; exit 1; }

# The RSS of each server every 5 s: "seconds server kB".
start=$(date +%s)
(while :; do
  for i in "${!pids[@]}"; do
    echo "$(($(date +%s) - start)) ${servers[$i]} $(awk '/VmRSS/ {print $2}' "/proc/${pids[$i]}/status" 2>/dev/null || echo 0)"
  done >> "$work/rss.txt"
  sleep 5
done) & background+=($!)

"$driver" sign-in $(printf -- '--url %s ' "${urls[@]}") --out "$work/out" --concurrency 16

# The submissions, spread over the soak, to the servers in turn.
subs=$(ls -d "$work"/out/sub-* | wc -l)
(gap=$((minutes * 60 / (subs + 1)))
for k in $(seq 0 $((subs - 1))); do
  sleep "$gap"
  dir=$work/out/sub-$k
  token=$(sed -n "$(($(cat "$dir/user-index") + 1))p" "$work/out/tokens.txt")
  mapfile -t form < "$dir/curl.args"
  url=${urls[$((k % ${#urls[@]}))]}
  result=$(curl -s -o "$work/upload-$k.json" -w '%{http_code} %{time_total}' --max-time 300 \
    -H "Authorization: Bearer $token" "${form[@]}" "$url/api/applications" || echo "000 0")
  echo "$result $(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print(b.get("code") or b.get("status",""))' "$work/upload-$k.json" 2>/dev/null || echo -)" >> "$work/uploads.txt"
done) & uploader=$!

per_server=$((users / ${#servers[@]}))
signin_conns=$((4 / ${#servers[@]}))
wrks=()
for i in "${!servers[@]}"; do
  SOAK_TOKENS=$work/out/tokens.txt SOAK_THINK_MS=$think_ms wrk -t$((2 / ${#servers[@]})) -c"$per_server" \
    -d"${minutes}m" --timeout 10s -s scripts/soak/reads.lua "${urls[$i]}" > "$work/reads-${servers[$i]}.txt" 2>&1 &
  wrks+=($!)
  SOAK_USERS=$work/out/users.txt SOAK_THINK_MS=2000 wrk -t1 -c"$signin_conns" \
    -d"${minutes}m" --timeout 10s -s scripts/soak/sign-in.lua "${urls[$i]}" > "$work/sign-in-${servers[$i]}.txt" 2>&1 &
  wrks+=($!)
done
wait "${wrks[@]}"
wait "$uploader" || true
kill "${background[@]}" 2>/dev/null || true

for i in "${!servers[@]}"; do
  s=${servers[$i]}
  echo "== server $s (${urls[$i]})"
  grep -E '^(reads|sign-ins):' "$work/reads-$s.txt" "$work/sign-in-$s.txt" | sed 's/^[^:]*://' || cat "$work/reads-$s.txt"
  awk -v s="$s" '$2 == s && $3 > 0 {
      n++; kb[n] = $3; t[n] = $1; if ($3 > max) max = $3
      if ($1 >= 60 && $1 < 120) { a += $3; an++ }
    } END {
      for (i = 1; i <= n; i++) if (t[i] >= t[n] - 60) { b += kb[i]; bn++ }
      printf "rss: %d samples every 5 s: first %.1f MiB, last %.1f MiB, max %.1f MiB; mean of minute 2 %.1f MiB, of the last minute %.1f MiB\n",
        n, kb[1] / 1024, kb[n] / 1024, max / 1024, (an ? a / an : 0) / 1024, (bn ? b / bn : 0) / 1024
      printf "rss by minute (mean MiB):"
      for (i = 1; i <= n; i++) { m = int(t[i] / 60); sum[m] += kb[i]; cnt[m]++; if (m > last) last = m }
      for (m = 0; m <= last; m++) if (cnt[m]) printf " %.0f", sum[m] / cnt[m] / 1024
      printf "\n"
    }' "$work/rss.txt"
  echo "server log: $(grep -c 'answered' "$work/$s.log") requests logged, $(grep -cE 'status=5[0-9][0-9]' "$work/$s.log" || true) with a 5xx status"
done
echo "== uploads (HTTP status, seconds, code): $(awk '{printf "%s%s %.1f s %s", (NR>1?"; ":""), $1, $2, $3}' "$work/uploads.txt")"
echo "uploads: $(awk '$1 == 200' "$work/uploads.txt" | wc -l) of $subs accepted"
