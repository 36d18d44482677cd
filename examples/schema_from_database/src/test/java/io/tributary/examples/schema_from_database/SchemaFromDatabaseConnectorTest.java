package io.tributary.examples.schema_from_database;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaFromDatabaseConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestPostgres.Database db;

    @BeforeEach
    void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql"))); // the script the README tells users to run
    }

    @Test
    void theSchemaComesFromInformationSchema() throws Exception {
        List<Table> tables = new SchemaFromDatabaseConnector().schema(Configuration.of(configuration(Map.of())));

        assertThat(tables).extracting(Table::name).containsExactly("products", "orders");
        assertThat(tables.get(0).primaryKey()).containsExactly("product_id");
        assertThat(tables.get(0).columns()).containsExactlyEntriesOf(ordered(
                "product_id", "INT", "product_code", "STRING", "name", "STRING", "price", "DECIMAL(10,2)",
                "in_stock", "BOOLEAN", "weight_kg", "FLOAT", "created_at", "UTC_DATETIME"));
        assertThat(tables.get(1).primaryKey()).containsExactly("order_id");
        assertThat(tables.get(1).columns()).containsExactlyEntriesOf(ordered(
                "order_id", "LONG", "product_id", "INT", "quantity", "SHORT", "unit_price", "DECIMAL(12,4)",
                "total", "DOUBLE", "ordered_on", "NAIVE_DATE", "shipped_at", "NAIVE_DATETIME", "notes", "JSON",
                "exact_tax", "STRING", "created_at", "UTC_DATETIME"));
    }

    @Test
    void theWarehouseTablesHaveTheDerivedTypesAndTheSourceRows() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(20 + 150);

            assertThat(types(tester, "products")).containsExactlyEntriesOf(ordered(
                    "product_id", "INTEGER", "product_code", "VARCHAR", "name", "VARCHAR", "price", "DECIMAL(10,2)",
                    "in_stock", "BOOLEAN", "weight_kg", "FLOAT", "created_at", "TIMESTAMP WITH TIME ZONE"));
            assertThat(types(tester, "orders")).containsExactlyEntriesOf(ordered(
                    "order_id", "BIGINT", "product_id", "INTEGER", "quantity", "SMALLINT", "unit_price", "DECIMAL(12,4)",
                    "total", "DOUBLE", "ordered_on", "DATE", "shipped_at", "TIMESTAMP", "notes", "JSON",
                    "exact_tax", "VARCHAR", "created_at", "TIMESTAMP WITH TIME ZONE"));

            assertThat(warehouseProducts(tester)).isEqualTo(sourceProducts());
            Map<String, Object> order = tester.query("SELECT * FROM tester.orders WHERE order_id = 81").get(0);
            Map<String, Object> source = db.query("SELECT * FROM orders WHERE order_id = 81").get(0);
            assertThat(order.get("exact_tax")).as("every digit of an unbounded numeric").isEqualTo("0.9999999909");
            assertThat(order.get("unit_price")).isEqualTo(source.get("unit_price"));
            assertThat(order.get("total")).isEqualTo(source.get("total"));
            assertThat(order.get("ordered_on").toString()).isEqualTo(source.get("ordered_on").toString());
            assertThat(JSON.readTree(String.valueOf(order.get("notes")))).isEqualTo(JSON.readTree(String.valueOf(source.get("notes"))));
            assertThat(tester.query("SELECT count(*) AS n FROM tester.orders").get(0).get("n")).isEqualTo(150L);
        }
    }

    @Test
    void laterSyncsReadOnlyTheRowsCreatedSinceAndKeepACursorPerTable() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            assertThat(tester.state().getObject("orders").getString("created_at")).isEqualTo("2026-01-01T00:50:00Z");
            assertThat(tester.state().getObject("orders").getLong("order_id", 0)).isEqualTo(150);

            db.execute("INSERT INTO products VALUES (21, 'P-0021', 'Product 21', 99.99, true, 1.5, '2026-02-01T00:00:00Z')",
                    "INSERT INTO orders (order_id, product_id, quantity, unit_price, total, ordered_on, created_at) VALUES "
                            + "(151, 21, 1, 99.99, 99.99, '2026-02-01', '2026-02-01T00:00:00Z'), "
                            + "(152, 21, 2, 99.99, 199.98, '2026-02-01', '2026-02-01T00:00:00Z')");
            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().upserts()).isEqualTo(3);
            assertThat(tester.state().getObject("products").getLong("product_id", 0)).isEqualTo(21);
            assertThat(warehouseProducts(tester)).isEqualTo(sourceProducts());
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
        }
    }

    @Test
    void aColumnAddedInTheSourceAppearsInTheNextSchema() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            db.execute("ALTER TABLE products ADD COLUMN color varchar(12)",
                    "INSERT INTO products VALUES (21, 'P-0021', 'Product 21', 99.99, true, 1.5, '2026-02-01T00:00:00Z', 'teal')");
            tester.sync().assertSucceeded();

            assertThat(types(tester, "products")).containsEntry("color", "VARCHAR");
            assertThat(tester.query("SELECT product_id, color FROM tester.products WHERE color IS NOT NULL"))
                    .containsExactly(Map.of("product_id", 21, "color", "teal"));
            assertThat(tester.query("SELECT count(*) AS n FROM tester.products WHERE color IS NULL").get(0).get("n"))
                    .as("rows synced before the column existed are not read again").isEqualTo(20L);
        }
    }

    @Test
    void aTableWithoutPrimaryKeyIsKeyedByItsValuesAndReadByCreatedAt() throws Exception {
        db.execute("CREATE TABLE audit_log (event text NOT NULL, created_at timestamptz NOT NULL)",
                "INSERT INTO audit_log SELECT 'event ' || i, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 second' "
                        + "FROM generate_series(1, 30) AS i");
        try (ConnectorTester tester = tester(Map.of("tables", "audit_log", "batch_size", "7"))) {
            tester.sync().assertSucceeded();
            assertThat(tester.query("SELECT count(*) AS n FROM tester.audit_log").get(0).get("n")).isEqualTo(30L);
            assertThat(types(tester, "audit_log")).containsKeys("_fivetran_id", "event", "created_at");
            db.execute("INSERT INTO audit_log VALUES ('event 31', '2026-01-02T00:00:00Z')");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(1);
        }
    }

    @Test
    void anUnknownTableIsNamedWithTheTablesThereAre() throws Exception {
        try (ConnectorTester tester = tester(Map.of("tables", "products,invoices"))) {
            tester.sync().assertFailedWith("table 'invoices' is not in schema 'public' of the source, or its user may "
                    + "not see it. Tables there: orders, products.");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void aWrongPasswordFailsAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(configuration(Map.of("password", "wrong-password-0")));
            tester.sync().assertFailedWith("cannot log in").assertFailedWith("Check the user and password");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(Map.of("batch_size", "40"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester tester(Map<String, String> settings) {
        return ConnectorTester.of(new SchemaFromDatabaseConnector()).configuration(configuration(settings));
    }

    private Map<String, String> configuration(Map<String, String> settings) {
        Map<String, String> configuration = new HashMap<>(db.configuration());
        configuration.put("tables", "products,orders");
        configuration.putAll(settings);
        return configuration;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }

    /** The table's columns and DuckDB types, in order, without the _fivetran columns. */
    private static Map<String, String> types(ConnectorTester tester, String table) {
        Map<String, String> out = new LinkedHashMap<>();
        tester.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = '" + table + "' ORDER BY ordinal_position").forEach(r -> {
                    String column = (String) r.get("column_name");
                    if (!column.startsWith("_fivetran") || column.equals("_fivetran_id")) {
                        out.put(column, (String) r.get("data_type"));
                    }
                });
        return out;
    }

    private List<List<Object>> sourceProducts() throws Exception {
        return db.query("SELECT product_id, product_code, name, price, in_stock, weight_kg, created_at FROM products "
                + "ORDER BY product_id").stream().map(r -> List.<Object>of(r.get("product_id"), r.get("product_code"),
                r.get("name"), r.get("price"), r.get("in_stock"), r.get("weight_kg"),
                ((Timestamp) r.get("created_at")).toInstant())).toList();
    }

    private static List<List<Object>> warehouseProducts(ConnectorTester tester) {
        return tester.query("SELECT product_id, product_code, name, price, in_stock, weight_kg, created_at "
                + "FROM tester.products ORDER BY product_id").stream().map(r -> List.<Object>of(r.get("product_id"),
                r.get("product_code"), r.get("name"), (BigDecimal) r.get("price"), r.get("in_stock"), r.get("weight_kg"),
                ((OffsetDateTime) r.get("created_at")).toInstant())).toList();
    }
}
