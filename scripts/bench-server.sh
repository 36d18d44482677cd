#!/usr/bin/env bash
# GET /v1/connections/{id} throughput and latency of `tributary server` (embedded store) under wrk on loopback.
# Needs wrk (Debian: apt-get install wrk). Usage: scripts/bench-server.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
seconds=${1:-30}
conns=${2:-16}
port=18080
data=$(mktemp -d)
log="$data/server.log"
./tributary server --port "$port" --data-dir "$data/store" --requests-per-hour 2000000000 > "$log" 2>&1 &
server=$!
trap 'kill $server 2> /dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do grep -q "secret:" "$log" 2> /dev/null && break; sleep 1; done
key=$(awk '/ key:/ {print $2}' "$log")
secret=$(awk '/ secret:/ {print $2}' "$log")
api="http://127.0.0.1:$port/v1"
id() { python3 -c 'import sys, json; print(json.load(sys.stdin)["data"]["id"])'; }
group=$(curl -sf -u "$key:$secret" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$api/groups" | id)
connection=$(curl -sf -u "$key:$secret" -H 'Content-Type: application/json' \
  -d "{\"group_id\":\"$group\",\"service\":\"connector_sdk\",\"config\":{\"schema\":\"bench\",\"connector_class\":\"x.Y\"}}" \
  "$api/connections" | id)
auth="Authorization: Basic $(printf '%s' "$key:$secret" | base64 -w0)"
echo "== warm-up 10 s"
wrk -t2 -c"$conns" -d10s -H "$auth" "$api/connections/$connection" > /dev/null
echo "== GET /v1/connections/{id}: ${seconds} s, $conns connections, 2 threads"
wrk -t2 -c"$conns" -d"${seconds}s" --latency -H "$auth" "$api/connections/$connection"
