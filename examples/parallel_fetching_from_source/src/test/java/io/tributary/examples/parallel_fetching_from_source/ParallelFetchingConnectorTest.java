package io.tributary.examples.parallel_fetching_from_source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelFetchingConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 3, 8})
    void everyFileLandsInItsTableWhateverTheThreadCount(int threads) throws Exception {
        Bucket bucket = new Bucket(dir).withDefaultFiles();
        try (ConnectorTester tester = tester(threads)) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().checkpoints()).as("one per file").isEqualTo(5);
            assertThat(outcome.counters().upserts()).isEqualTo(60 + 20_000 + 3_000 + 8_000 + 10);
            assertTablesMatch(tester, bucket);
            assertThat(tester.state().getObject("files").keys())
                    .containsExactly("campaigns.csv", "customers.csv", "events.csv", "orders.csv", "products.csv");
        }
    }

    @Test
    void csvTextBecomesTheDeclaredTypes() throws Exception {
        new Bucket(dir).withDefaultFiles();
        try (ConnectorTester tester = tester(3)) {
            tester.sync().assertSucceeded();
            Map<String, Object> order = tester.query("SELECT * FROM tester.orders WHERE order_id = 'O7'").get(0);
            assertThat(order.get("amount")).isEqualTo(new BigDecimal("17.07"));
            assertThat(((OffsetDateTime) order.get("ordered_at")).toInstant().toString()).isEqualTo("2024-08-17T07:00:00Z");
            assertThat(type(tester, "campaigns", "target_demographics")).isEqualTo("JSON");
            assertThat(type(tester, "events", "_fivetran_id")).as("no key declared: a hash of the row").isEqualTo("VARCHAR");
        }
    }

    @Test
    void aStoppedSyncHasCommittedExactlyTheFilesBeforeItsLastCheckpoint() throws Exception {
        Bucket bucket = new Bucket(dir).withDefaultFiles();
        StopsAfterCheckpoints connector = new StopsAfterCheckpoints(2);
        try (ConnectorTester tester = ConnectorTester.of(connector).configuration(configuration(8))) {
            tester.sync().assertFailedWith("stopped after checkpoint 2");
            // With 8 threads every file was being read at once; the checkpoints still came in name order.
            assertThat(tester.state().getObject("files").keys()).containsExactly("campaigns.csv", "customers.csv");
            assertThat(rows(tester, "campaigns", "campaign_id")).hasSize(60);
            assertThat(rows(tester, "customers", "customer_id")).hasSize(20_000);

            connector.stopAfter = Integer.MAX_VALUE;
            SyncOutcome resumed = tester.sync().assertSucceeded();
            assertThat(resumed.counters().upserts()).as("only the three files not yet checkpointed")
                    .isEqualTo(3_000 + 8_000 + 10);
            assertTablesMatch(tester, bucket);
        }
    }

    @Test
    void laterSyncsReadOnlyNewAndChangedFiles() throws Exception {
        Bucket bucket = new Bucket(dir).withDefaultFiles();
        try (ConnectorTester tester = tester(3)) {
            tester.sync().assertSucceeded();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("nothing changed").isZero();

            bucket.write("products.csv", 12, i -> List.of("P" + i, "Product " + i, i + ".75"), "product_id", "name", "price");
            bucket.write("reviews.csv", 7, i -> List.of("R" + i, "fine"), "review_id", "text");
            SyncOutcome next = tester.sync().assertSucceeded();
            assertThat(next.counters().upserts()).isEqualTo(12 + 7);
            assertTablesMatch(tester, bucket);
            assertThat(tester.state().getObject("files").keys()).hasSize(6);
        }
    }

    @Test
    void rowsGoneFromAChangedFileAreSoftDeleted() throws Exception {
        Bucket bucket = new Bucket(dir).withDefaultFiles();
        try (ConnectorTester tester = tester(3)) {
            tester.sync().assertSucceeded();
            bucket.write("products.csv", 4, i -> List.of("P" + i, "Product " + i, i + ".75"), "product_id", "name", "price");
            bucket.write("events.csv", 2, i -> List.of("event " + i, "reopened"), "subject", "status");
            tester.sync().assertSucceeded();

            assertTablesMatch(tester, bucket);
            assertThat(tester.query("SELECT product_id FROM tester.products WHERE _fivetran_deleted ORDER BY product_id"))
                    .extracting(r -> r.get("product_id")).containsExactly("P10", "P5", "P6", "P7", "P8", "P9");
            assertThat(tester.query("SELECT count(*) AS n FROM tester.events WHERE _fivetran_deleted").get(0).get("n"))
                    .as("every row of the old version, which had no key").isEqualTo(3_000L);
        }
    }

    @Test
    void aBrokenFileFailsTheSyncNamingItAndTheFilesBeforeItStay() throws Exception {
        Bucket bucket = new Bucket(dir).withDefaultFiles();
        List<List<String>> broken = new ArrayList<>(bucket.files.get("events.csv"));
        broken.set(1500, List.of("event 1500", "open", "one field too many"));
        bucket.writeRaw("events.csv", broken);
        try (ConnectorTester tester = tester(3)) {
            tester.sync().assertFailedWith("reading " + dir.resolve("events.csv") + " failed: invalid CSV at line 1501");
            assertThat(tester.state().getObject("files").keys()).containsExactly("campaigns.csv", "customers.csv");

            bucket.write("events.csv", 3_000, i -> List.of("event " + i, "fixed"), "subject", "status");
            SyncOutcome next = tester.sync().assertSucceeded();
            assertThat(next.counters().upserts()).as("the fixed file and the two after it").isEqualTo(3_000 + 8_000 + 10);
            assertTablesMatch(tester, bucket);
        }
    }

    @Test
    void theSampleFilesOfTheReadmeSync() throws Exception {
        try (ConnectorTester tester = ConnectorTester.of(new ParallelFetchingConnector())
                .configuration(Map.of("folder", "sample_files", "parallelism", "2"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().checkpoints()).isEqualTo(5);
            assertThat(rows(tester, "orders", "order_id")).hasSize(120);
            assertThat(rows(tester, "tickets", "subject")).hasSize(15);
        }
    }

    @Test
    void aMissingFolderIsNamed() {
        try (ConnectorTester tester = ConnectorTester.of(new ParallelFetchingConnector())
                .configuration(Map.of("folder", dir.resolve("nope").toString()))) {
            tester.sync().assertFailedWith("nope does not exist; check 'folder'");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() throws Exception {
        new Bucket(dir).withDefaultFiles();
        try (ConnectorTester tester = tester(3)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester tester(int threads) {
        return ConnectorTester.of(new ParallelFetchingConnector()).configuration(configuration(threads));
    }

    private Map<String, String> configuration(int threads) {
        return Map.of("folder", dir.toString(), "parallelism", String.valueOf(threads));
    }

    /** Each file's rows, as text, equal its table's rows (sorted; keyless tables compared as multisets). */
    private static void assertTablesMatch(ConnectorTester tester, Bucket bucket) throws Exception {
        for (Map.Entry<String, List<List<String>>> file : bucket.files.entrySet()) {
            List<String> header = file.getValue().get(0);
            List<List<String>> expected = new ArrayList<>();
            for (List<String> row : file.getValue().subList(1, file.getValue().size())) {
                List<String> normalised = new ArrayList<>();
                for (String v : row) {
                    normalised.add(v.startsWith("{") ? JSON.readTree(v).toString() : v);
                }
                expected.add(normalised);
            }
            String table = file.getKey().replace(".csv", "");
            assertThat(sorted(rows(tester, table, header.toArray(String[]::new)))).as(table).isEqualTo(sorted(expected));
        }
    }

    private static List<List<String>> rows(ConnectorTester tester, String table, String... columns) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> r : tester.query("SELECT " + String.join(", ", columns) + " FROM tester." + table
                + " WHERE NOT _fivetran_deleted")) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                Object v = r.get(c);
                row.add(v instanceof BigDecimal d ? d.toPlainString()
                        : v instanceof OffsetDateTime t ? t.toInstant().toString()
                        : c.equals("target_demographics") ? json(v) : String.valueOf(v));
            }
            out.add(row);
        }
        return out;
    }

    private static String json(Object v) {
        try {
            return JSON.readTree(String.valueOf(v)).toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort((a, b) -> String.join("\u0001", a).compareTo(String.join("\u0001", b)));
        return copy;
    }

    private static String type(ConnectorTester tester, String table, String column) {
        return (String) tester.query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = '" + table + "' AND column_name = '" + column + "'").get(0).get("data_type");
    }

    /** The real connector, stopped (as by a crash) right after its {@code stopAfter}-th checkpoint. */
    private static final class StopsAfterCheckpoints implements Connector {
        private final ParallelFetchingConnector connector = new ParallelFetchingConnector();
        volatile int stopAfter;

        StopsAfterCheckpoints(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public List<Table> schema(Configuration configuration) {
            return connector.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            int[] checkpoints = {0};
            connector.update(configuration, state, new Operations() {
                public void upsert(String table, Object row) {
                    operations.upsert(table, row);
                }

                public void update(String table, Object row) {
                    operations.update(table, row);
                }

                public void delete(String table, Object keys) {
                    operations.delete(table, keys);
                }

                public void truncate(String table) {
                    operations.truncate(table);
                }

                public synchronized void checkpoint(Object newState) {
                    operations.checkpoint(newState);
                    if (++checkpoints[0] == stopAfter) {
                        throw new IllegalStateException("stopped after checkpoint " + stopAfter);
                    }
                }

                public RuntimeException error(String message) {
                    return operations.error(message);
                }

                public void warning(String message) {
                    operations.warning(message);
                }
            });
        }
    }
}
