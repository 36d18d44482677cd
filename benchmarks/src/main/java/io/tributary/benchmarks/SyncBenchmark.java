package io.tributary.benchmarks;

import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Tributary's sync path against the physical ceiling, in one process: N synthetic rows of 10 columns, a
 * checkpoint every 100,000 rows. Prints rows/s for each and the ratio.
 *
 * <p>Usage: {@code SyncBenchmark [rows] [--ours-only | --runtime-only]}.
 */
public final class SyncBenchmark {
    private static final int CHECKPOINT_EVERY = 100_000;

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        List<String> flags = List.of(args);
        Path dir = Files.createTempDirectory("tributary-bench-");
        System.out.printf("rows=%,d checkpoint every %,d, heap max %,d MB, cores %d%n", rows, CHECKPOINT_EVERY,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        if (flags.contains("--runtime-only")) {
            System.out.printf("runtime alone (destination discards) %,12.0f rows/s%n",
                    sync(new DiscardingDestination(), rows));
            return;
        }
        double ours;
        try (DuckDbDestination duckdb = new DuckDbDestination(dir.resolve("ours.db"), "tester")) {
            TimedDestination timed = new TimedDestination(duckdb);
            ours = sync(timed, rows);
            System.out.printf("  (staging %.1f s, merge and commit %.1f s)%n", timed.writeNanos / 1e9,
                    timed.commitNanos / 1e9);
        }
        System.out.printf("tributary sync           %,12.0f rows/s%n", ours);
        if (flags.contains("--ours-only")) {
            return;
        }
        double appender = Ceiling.measure(dir.resolve("appender.db"), rows, CHECKPOINT_EVERY, Ceiling::appender);
        System.out.printf("ceiling: Appender+merge  %,12.0f rows/s%n", appender);
        double arrow = Ceiling.measure(dir.resolve("arrow.db"), rows, CHECKPOINT_EVERY, Ceiling::arrow);
        System.out.printf("ceiling: Arrow+merge     %,12.0f rows/s%n", arrow);
        double ceiling = Math.max(appender, arrow);
        System.out.printf("ratio (tributary / best ceiling) = %.2f%n", ours / ceiling);
    }

    /** Rows per second of one full sync of the synthetic connector into {@code destination}. */
    static double sync(Destination destination, long rows) {
        long started = System.nanoTime();
        SyncResult result = new SyncRunner(SyncOptions.defaults()).run(connector(rows), Configuration.empty(), null,
                destination, s -> { });
        if (!result.succeeded()) {
            throw new IllegalStateException("benchmark sync failed: " + result.error(), result.cause());
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    static Connector connector(long rows) {
        return new Connector() {
            @Override
            public List<Table> schema(Configuration configuration) {
                return List.of(Table.named("customers").primaryKey("id").column("id", "LONG")
                        .decimal("amount", 18, 4).column("updated_at", "UTC_DATETIME").column("payload", "JSON"));
            }

            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                for (long i = state.getLong("next", 0); i < rows; i++) {
                    operations.upsert("customers", SyntheticRows.row(i));
                    if ((i + 1) % CHECKPOINT_EVERY == 0) {
                        operations.checkpoint(state.put("next", i + 1));
                    }
                }
                operations.checkpoint(state.put("next", rows));
            }
        };
    }
}
