#!/usr/bin/env bash
# GET /v1/connections/{id} throughput and latency of `tributary server` under wrk on loopback, on the embedded
# store, or with STORE=postgres on a throwaway PostgreSQL (started from Maven Central binaries).
# Needs wrk (Debian: apt-get install wrk). Usage: [STORE=postgres] scripts/bench-server.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk > /dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 2; }
seconds=${1:-30}
conns=${2:-16}
port=18080
data=$(mktemp -d)
log="$data/server.log"
store_args=(--data-dir "$data/store")
pg=""
if [ "${STORE:-embedded}" = postgres ]; then
  mvn -q -B install -DskipTests
  java -cp "benchmarks/target/classes:benchmarks/target/lib/*" io.tributary.benchmarks.EmbeddedPostgresMain > "$data/pg" 2>&1 &
  pg=$!
  for _ in $(seq 1 120); do grep -q '^jdbc:' "$data/pg" 2> /dev/null && break; sleep 1; done
  read -r url user password < <(grep '^jdbc:' "$data/pg")
  store_args=(--db-url "$url" --db-user "$user" --db-password "$password")
fi
./tributary server --port "$port" "${store_args[@]}" --requests-per-hour 2000000000 > "$log" 2>&1 &
server=$!
trap 'kill $server $pg 2> /dev/null; rm -rf "$data"' EXIT
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
echo "== GET /v1/connections/{id} (${STORE:-embedded} store): ${seconds} s, $conns connections, 2 threads"
wrk -t2 -c"$conns" -d"${seconds}s" --latency -H "$auth" "$api/connections/$connection"
