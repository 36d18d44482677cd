package io.tributary.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.client.TributaryClient;
import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A sync run by the server (claim, lease, state mirrored to the store at each checkpoint, logs, history) against
 * the same connector run in-process by {@code SyncRunner} into DuckDB, the way {@code tributary debug} does, in
 * one process. The server's figure is the sync's own duration from its history. Checkpoint cadences: every
 * 100,000 rows (bulk) and every 1,000 (page-sized, where the per-checkpoint cost shows).
 *
 * <p>Usage: {@code ServerSyncBenchmark [rows]}.
 */
public final class ServerSyncBenchmark {
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        Path dir = Files.createTempDirectory("tributary-server-sync-");
        System.out.printf("rows=%,d, heap max %,d MB, cores %d, embedded H2 store%n", rows,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (TributaryServer server = TributaryServer.start(ServerConfig.defaults().withPort(0)
                .withDataDir(dir.resolve("store")).withSyncWorkers(1, null))) {
            ApiKeys.Credentials key = server.initialKey().orElseThrow();
            TributaryClient client = TributaryClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                    .apiKey(key.key()).apiSecret(key.secret()).build();
            for (long every : new long[] {100_000, 1_000}) {
                double local = local(dir.resolve("local-" + every + ".db"), rows, every);
                double served = served(client, dir.resolve("server-" + every + ".db"), rows, every);
                System.out.printf("checkpoint every %,7d: in-process %,10.0f rows/s, server %,10.0f rows/s, "
                        + "ratio %.2f%n", every, local, served, served / local);
            }
        }
    }

    private static double local(Path file, long rows, long every) {
        long started = System.nanoTime();
        try (DuckDbDestination destination = new DuckDbDestination(file, "tester")) {
            SyncResult result = new SyncRunner(SyncOptions.defaults()).run(new SyntheticConnector(),
                    Configuration.of(Map.of("rows", Long.toString(rows), "checkpoint_every", Long.toString(every))),
                    null, destination, s -> { });
            if (!result.succeeded()) {
                throw new IllegalStateException(result.error(), result.cause());
            }
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    private static double served(TributaryClient client, Path file, long rows, long every) throws Exception {
        String group = client.groups().create("bench_" + every).id();
        client.call("POST", "destinations", Map.of("group_id", group, "service", "duckdb", "time_zone_offset", "0",
                "config", Map.of("path", file.toString())));
        String id = client.call("POST", "connections", Map.of("group_id", group, "service", "connector_sdk",
                "schedule_type", "manual", "config", Map.of("schema", "bench", "connector_class",
                        SyntheticConnector.class.getName(), "rows", Long.toString(rows), "checkpoint_every",
                        Long.toString(every)))).path("data").path("id").asText();
        client.syncWaiter().pollEvery(java.time.Duration.ofMillis(200)).syncAndWait(id, false,
                java.time.Duration.ofHours(1));
        JsonNode run = client.call("GET", "connections/" + id + "/sync-history", null).path("data").path("items").get(0);
        if (!run.path("status").asText().equals("SUCCEEDED") || run.path("upserts").asLong() != rows) {
            throw new IllegalStateException("server sync did not succeed with every row: " + run);
        }
        return rows / (run.path("duration_ms").asLong() / 1e3);
    }
}
