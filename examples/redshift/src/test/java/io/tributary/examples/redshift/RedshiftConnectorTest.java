package io.tributary.examples.redshift;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An embedded PostgreSQL stands in for Redshift: same wire protocol, same driver, the same SQL for these reads. */
class RedshiftConnectorTest {
    private static final Map<String, Integer> ROWS = Map.of("customers", 500, "orders", 3000, "products", 120, "regions", 4);
    private TestPostgres.Database db;

    @BeforeEach
    void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql"))); // the script the README tells users to run
    }

    @Test
    void theSchemaHasEveryTableOfTheSchemaWithItsPrimaryKey() {
        List<Table> tables = new RedshiftConnector().schema(Configuration.of(configuration(Map.of())));
        assertThat(tables).extracting(Table::name).containsExactly("customers", "orders", "products", "regions");
        assertThat(tables).extracting(t -> t.primaryKey().get(0)).containsExactly("customer_id", "order_id", "sku", "region_id");
        assertThat(tables.get(1).columns()).containsEntry("amount", "DECIMAL(12,2)").containsEntry("updated_at", "UTC_DATETIME");
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void everyTableArrivesWhateverTheNumberOfWorkers(int workers) throws Exception {
        try (ConnectorTester tester = tester(Map.of("max_parallel_workers", String.valueOf(workers)))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(500 + 3000 + 120 + 4);
            for (String table : ROWS.keySet()) {
                assertThat(warehouse(tester, table)).as(table).isEqualTo(source(table));
            }
            assertThat(tester.state().keys()).containsExactlyInAnyOrder("customers", "orders", "products");
            assertThat(tester.state().getObject("products").getString("replication_key")).isEqualTo("modified_at");
            assertThat(tester.state().getObject("orders").getObject("bookmark").toJson())
                    .isEqualTo("{\"updated_at\":\"2026-01-01T10:00:00Z\",\"order_id\":3000}");
            assertThat(tester.state().getObject("products").getObject("bookmark").toJson())
                    .isEqualTo("{\"modified_at\":\"2026-01-06T00:00\",\"sku\":\"SKU-0120\"}");
        }
    }

    @Test
    void checkpointsComeEveryNRowsOfEachTable() {
        try (ConnectorTester tester = tester(Map.of("checkpoint_every_rows", "100", "max_parallel_workers", "3"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            // Per table: one before each 100th row after the first hundred, and one at its end.
            long expected = ROWS.values().stream().mapToLong(n -> (n - 1) / 100 + 1).sum();
            assertThat(outcome.counters().checkpoints()).isEqualTo(expected);
        }
    }

    @Test
    void laterSyncsReadChangedRowsAndCopyTablesWithoutAReplicationKeyAgain() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            db.execute("UPDATE orders SET status = 'returned', updated_at = '2026-03-01T00:00:00Z' WHERE order_id IN (7, 1500, 2999)",
                    "INSERT INTO orders VALUES (3001, 1, 99.99, 'open', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')",
                    "UPDATE products SET price = 0.99, modified_at = '2026-03-01 00:00:00' WHERE sku = 'SKU-0001'",
                    "UPDATE regions SET name = 'Northeast' WHERE region_id = 1");

            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().upserts()).as("4 orders, 1 product, all 4 regions").isEqualTo(4 + 1 + 4);
            for (String table : ROWS.keySet()) {
                assertThat(warehouse(tester, table)).as(table).isEqualTo(source(table));
            }
        }
    }

    @Test
    void tablesCanBeListedWithTheirReplicationKeys() throws Exception {
        try (ConnectorTester tester = tester(Map.of("auto_schema_detection", "false", "tables", "orders:created_at,regions"))) {
            tester.sync().assertSucceeded();
            assertThat(tester.query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester' ORDER BY 1"))
                    .extracting(r -> r.get("table_name")).containsExactly("orders", "regions");
            assertThat(tester.state().getObject("orders").getString("replication_key")).isEqualTo("created_at");
            assertThat(warehouse(tester, "orders")).isEqualTo(source("orders"));
        }
    }

    @Test
    void aTableThatFailsDoesNotHoldBackTheOthers() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            db.execute("REVOKE SELECT ON orders FROM " + TestPostgres.USER);
            tester.sync().assertFailedWith("reading public.orders failed").assertFailedWith("permission denied");
            assertThat(warehouse(tester, "customers")).isEqualTo(source("customers"));
            assertThat(warehouse(tester, "products")).isEqualTo(source("products"));
            assertThat(tester.state().getObject("orders").has("bookmark")).isFalse();

            db.execute("GRANT SELECT ON orders TO " + TestPostgres.USER);
            SyncOutcome next = tester.sync().assertSucceeded();
            assertThat(next.counters().upserts()).as("orders, and the regions copied again").isEqualTo(3000 + 4);
            assertThat(warehouse(tester, "orders")).isEqualTo(source("orders"));
        }
    }

    @Test
    void aTableWithNeitherKeyNorUpdateTimeIsSkippedWithAWarning() throws Exception {
        db.execute("CREATE TABLE raw_log (line text)", "INSERT INTO raw_log VALUES ('a'), ('b')");
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            assertThat(tester.query("SELECT count(*) AS n FROM tester.raw_log").get(0).get("n")).isEqualTo(0L);
            assertThat(warehouse(tester, "orders")).isEqualTo(source("orders"));
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(Map.of("checkpoint_every_rows", "400", "max_parallel_workers", "3"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester tester(Map<String, String> settings) {
        return ConnectorTester.of(new RedshiftConnector()).configuration(configuration(settings));
    }

    private Map<String, String> configuration(Map<String, String> settings) {
        Map<String, String> c = new HashMap<>();
        c.put("redshift_host", db.host());
        c.put("redshift_port", String.valueOf(db.port()));
        c.put("redshift_database", db.name());
        c.put("redshift_user", TestPostgres.USER);
        c.put("redshift_password", TestPostgres.PASSWORD);
        c.putAll(settings);
        return c;
    }

    /** A table's rows as text, by primary key, from the source. */
    private List<List<String>> source(String table) throws Exception {
        return db.query("SELECT * FROM " + table + " ORDER BY 1").stream().map(r -> r.values().stream().map(v ->
                v instanceof Timestamp t ? (table.equals("products") ? t.toLocalDateTime().toString() : t.toInstant().toString())
                        : String.valueOf(v)).toList()).toList();
    }

    /** The same from the warehouse, without the _fivetran columns; every row must be live. */
    private static List<List<String>> warehouse(ConnectorTester tester, String table) {
        return tester.query("SELECT * EXCLUDE (_fivetran_synced, _fivetran_deleted) FROM tester." + table
                        + " WHERE NOT _fivetran_deleted ORDER BY 1").stream()
                .map(r -> r.values().stream().map(v -> v instanceof OffsetDateTime t ? t.toInstant().toString()
                        : v instanceof LocalDateTime d ? d.toString()
                        : v instanceof Timestamp t ? t.toLocalDateTime().toString() : String.valueOf(v)).toList())
                .toList();
    }
}
