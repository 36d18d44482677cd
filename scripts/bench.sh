#!/usr/bin/env bash
# The benchmarks of BENCHMARKS.md: sync throughput against the DuckDB ceiling measured in the same process,
# a 10M-row sync in a 256 MB heap, the wall time of a warm `./tributary debug examples/hello`, an HTTP example
# against the playground, a sync run by the server, and create-many against a rate-limited faulty proxy.
# The server's API: scripts/bench-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B install -DskipTests
cp="benchmarks/target/classes:benchmarks/target/lib/*"
opens=--add-opens=java.base/java.nio=ALL-UNNAMED
rows=${ROWS:-5000000}

echo "== $rows rows, -Xmx256m: Tributary against the ceiling"
java -Xmx256m "$opens" -cp "$cp" io.tributary.benchmarks.SyncBenchmark "$rows"

echo "== 10,000,000 rows, -Xmx256m: Tributary alone"
/usr/bin/time -f "wall %e s, max RSS %M KB" java -Xmx256m "$opens" -cp "$cp" \
  io.tributary.benchmarks.SyncBenchmark 10000000 --ours-only

echo "== warm ./tributary debug examples/hello (5 runs)"
./tributary debug examples/hello > /dev/null   # first run: builds caches
for _ in 1 2 3 4 5; do
  /usr/bin/time -f "%e s" ./tributary debug examples/hello > /dev/null
done

echo "== large_data_set_with_pagination example against the playground, next to its ceilings"
java -Xmx512m "$opens" -cp "$cp" io.tributary.benchmarks.HttpExampleBenchmark 100

echo "== $rows rows into PostgreSQL (throwaway, embedded): Tributary against COPY + merge"
java -Xmx512m -cp "$cp" io.tributary.benchmarks.PostgresSyncBenchmark "$rows"

echo "== sdk-jdbc keyset reads of 1,000,000 rows against a plain JDBC loop (throwaway PostgreSQL)"
java -Xmx512m -cp "$cp" io.tributary.benchmarks.KeysetReadBenchmark 1000000 3

echo "== a sync run by the server against the same sync in-process (1,000,000 rows)"
java -Xmx512m "$opens" -cp "$cp" io.tributary.benchmarks.ServerSyncBenchmark 1000000

echo "== create-many of 1,000 connections behind 600 req/min, 10 % 429s and 5 % 500s"
java -Xmx512m "$opens" -cp "$cp" io.tributary.benchmarks.CreateManyBenchmark 1000 600 8
