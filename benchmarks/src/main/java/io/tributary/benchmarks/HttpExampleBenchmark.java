package io.tributary.benchmarks;

import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.examples.large_data_set_with_pagination.LargeDataSetWithPaginationConnector;
import io.tributary.playground.Playground;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import java.nio.file.Path;
import java.util.Map;

/**
 * The large_data_set_with_pagination example against the playground on loopback (100,000 entries, 100 a page, a
 * checkpoint after every page, as the reference example does), next to two ceilings in the same run: the same
 * pages fetched and parsed with nothing written, and the same pages written by hand at the same commit
 * granularity (per page: Appender into a staging table, one merge into the keyed table, the state row, one
 * commit).
 */
public final class HttpExampleBenchmark {
    public static void main(String[] args) throws Exception {
        int pageLimit = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        Path dir = Files.createTempDirectory("tributary-http-bench-");
        try (Playground playground = Playground.start(0)) {
            String base = playground.uri("/pokeapi/api/v2").toString();
            fetchOnly(base, pageLimit); // warm-up: JIT and the playground's caches
            long t0 = System.nanoTime();
            long fetched = fetchOnly(base, pageLimit);
            double ceiling = fetched / ((System.nanoTime() - t0) / 1e9);

            long t2 = System.nanoTime();
            fetchAndWriteByHand(base, pageLimit, dir.resolve("by-hand.db"));
            double byHand = fetched / ((System.nanoTime() - t2) / 1e9);

            Configuration config = Configuration.of(Map.of("base_url", base, "page_limit", String.valueOf(pageLimit)));
            long t1 = System.nanoTime();
            SyncResult result;
            TimedDestination timed;
            try (DuckDbDestination duckdb = new DuckDbDestination(dir.resolve("warehouse.db"), "tester")) {
                timed = new TimedDestination(duckdb);
                result = new SyncRunner(SyncOptions.defaults()).run(new LargeDataSetWithPaginationConnector(), config,
                        null, timed, s -> { });
            }
            double seconds = (System.nanoTime() - t1) / 1e9;
            if (!result.succeeded()) {
                throw new IllegalStateException("the sync failed: " + result.error(), result.cause());
            }
            double ours = fetched / seconds;
            System.out.printf("entries=%,d page=%d (a checkpoint per page: %,d checkpoints)%n", fetched, pageLimit,
                    fetched / pageLimit);
            System.out.printf("ceiling: fetch and parse only %,10.0f rows/s%n", ceiling);
            System.out.printf("ceiling: fetch + hand-written DuckDB commit per page %,10.0f rows/s%n", byHand);
            System.out.printf("example sync into DuckDB      %,10.0f rows/s (%.1f s)%n", ours, seconds);
            System.out.printf("  (staging %.1f s, merge and commit %.1f s)%n", timed.writeNanos / 1e9,
                    timed.commitNanos / 1e9);
            System.out.printf("ratio to the fetch-only ceiling = %.2f; to the hand-written ceiling = %.2f%n",
                    ours / ceiling, ours / byHand);
        }
    }

    /** The same pages into DuckDB with no runtime: what a per-page commit costs at best. */
    private static void fetchAndWriteByHand(String base, int pageLimit, Path file) throws Exception {
        HttpApi api = HttpApi.builder().baseUrl(base).build();
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("CREATE TABLE pokemons (_fivetran_id VARCHAR PRIMARY KEY, name VARCHAR, url VARCHAR, "
                    + "_fivetran_synced TIMESTAMPTZ, _fivetran_deleted BOOLEAN)");
            st.execute("CREATE TABLE sync_state (id INTEGER PRIMARY KEY, state VARCHAR, committed_at TIMESTAMPTZ)");
            c.commit();
            PreparedStatement saveState = c.prepareStatement(
                    "INSERT OR REPLACE INTO sync_state (id, state, committed_at) VALUES (1, ?, now())");
            long offset = 0;
            for (Page page : Paginator.offset(api.get("pokemon"), pageLimit).totalAt("/count").records("/results").build()) {
                st.execute("CREATE TEMP TABLE staging (_fivetran_id VARCHAR, name VARCHAR, url VARCHAR)");
                try (DuckDBAppender a = c.createAppender("temp", "main", "staging")) {
                    for (Map<String, Object> r : page.records()) {
                        a.beginRow();
                        a.append(String.valueOf(r.get("url")));
                        a.append(String.valueOf(r.get("name")));
                        a.append(String.valueOf(r.get("url")));
                        a.endRow();
                    }
                }
                st.execute("INSERT INTO pokemons SELECT *, now(), false FROM staging ON CONFLICT (_fivetran_id) DO UPDATE "
                        + "SET name = excluded.name, url = excluded.url, _fivetran_synced = excluded._fivetran_synced");
                offset += page.records().size();
                saveState.setString(1, "{\"offset\":" + offset + "}");
                saveState.executeUpdate(); // the state commits with the data, as a checkpoint must
                st.execute("DROP TABLE staging");
                c.commit();
            }
        }
    }

    private static long fetchOnly(String base, int pageLimit) {
        HttpApi api = HttpApi.builder().baseUrl(base).build();
        long n = 0;
        for (Page page : Paginator.offset(api.get("pokemon"), pageLimit).totalAt("/count").records("/results").build()) {
            n += page.records().size();
        }
        return n;
    }
}
