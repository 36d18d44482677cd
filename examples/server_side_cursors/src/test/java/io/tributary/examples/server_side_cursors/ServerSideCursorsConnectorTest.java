package io.tributary.examples.server_side_cursors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.testing.CountingProxy;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import io.tributary.testkit.ForwardingOperations;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ServerSideCursorsConnectorTest {
    private static final String SUMMARY = "SELECT count(*) AS n, sum(id) AS ids, sum(salary) AS salaries, "
            + "count(DISTINCT notes) AS notes, max(last_updated) AS last FROM ";
    private static TestPostgres.Database seeded;

    @BeforeAll
    static void seedOnce() throws Exception {
        seeded = TestPostgres.newDatabase();
        seeded.execute(Files.readString(Path.of("sample_source.sql")));
    }

    @Test
    void aNamedCursorSyncsTheWholeTableAndCheckpointsEveryBatch() throws Exception {
        try (ConnectorTester tester = tester(seeded.configuration(), Map.of())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(50_000);
            assertThat(outcome.counters().checkpoints()).isEqualTo(10);
            assertThat(summary(tester)).isEqualTo(sourceSummary(seeded));
            assertThat(tester.state().getString("last_updated")).isEqualTo("2024-01-01T00:03:20Z");
            assertThat(tester.state().getInt("id", 0)).isEqualTo(50_000);
            // The schema came from the table's metadata: numeric(10,2) is a DECIMAL(10,2) in the warehouse too.
            assertThat(tester.query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                    + "AND table_name = 'employees' AND column_name = 'salary'").get(0).get("data_type"))
                    .isEqualTo("DECIMAL(10,2)");
        }
    }

    @Test
    void aClientCursorGivesTheSameResult() throws Exception {
        try (ConnectorTester named = tester(seeded.configuration(), Map.of());
             ConnectorTester client = tester(seeded.configuration(), Map.of("cursor_mode", "client"))) {
            named.sync().assertSucceeded();
            client.sync().assertSucceeded();
            assertThat(summary(client)).isEqualTo(summary(named));
            assertThat(client.state()).isEqualTo(named.state());
        }
    }

    /** Bytes from the server by the first upsert: one batch with the named cursor, everything with the client one. */
    @Test
    void theNamedCursorFetchesBatchByBatchAndTheClientCursorAllAtOnce() throws Exception {
        Fetched named = fetchedThroughProxy("NAMED");
        Fetched client = fetchedThroughProxy("CLIENT");
        // The same rows either way; fetching in batches only adds a few bytes of protocol per round trip.
        assertThat((double) named.total).isCloseTo(client.total, org.assertj.core.data.Percentage.withPercentage(1));
        assertThat((double) named.atFirstUpsert / named.total).as("named").isLessThan(0.15); // a 5,000-row batch of 50,000
        assertThat((double) client.atFirstUpsert / client.total).as("client").isGreaterThan(0.99);
    }

    @Test
    void aLaterSyncReadsOnlyTheChangedRowsEvenWhenTheyShareOneTimestamp() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql")));
        try (ConnectorTester tester = tester(db.configuration(), Map.of())) {
            tester.sync().assertSucceeded();
            // A bulk raise: 12,500 rows get one last_updated, so batches of 5,000 end inside the run.
            db.execute("UPDATE employees SET salary = salary + 1000, last_updated = '2024-06-01T00:00:00Z' "
                    + "WHERE department = 'Sales'");
            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().upserts()).isEqualTo(12_500);
            assertThat(summary(tester)).isEqualTo(sourceSummary(db));
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
        }
    }

    @Test
    void anyTableWithALastUpdatedColumnResumesFromEveryCheckpoint() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        db.execute("CREATE TABLE tickets (ticket_no text PRIMARY KEY, subject text, last_updated timestamptz NOT NULL)",
                "INSERT INTO tickets SELECT 'T-' || lpad(i::text, 3, '0'), 'subject ' || i, "
                        + "timestamptz '2024-01-01 00:00:00+00' + (i / 10) * interval '1 minute' "
                        + "FROM generate_series(1, 60) i");
        try (ConnectorTester tester = tester(db.configuration(), Map.of("table_name", "tickets", "batch_size", "7"))) {
            tester.assertReplayFromEveryCheckpoint();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(60);
            assertThat(tester.state().getString("ticket_no")).isEqualTo("T-060");
        }
    }

    @Test
    void aWrongPasswordFailsInSchemaSayingSoAndLosesNothing() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase();
        db.execute("CREATE TABLE employees (id int PRIMARY KEY, last_updated timestamptz NOT NULL)",
                "INSERT INTO employees VALUES (1, '2024-01-01T00:00:00Z')");
        try (ConnectorTester tester = tester(db.configuration(), Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(with(db.configuration(), Map.of("table_name", "employees", "password", "wrong-pw-3b7d")));
            tester.sync().assertFailedWith("cannot log in to " + db.url())
                    .assertFailedWith("Check the user and password in the configuration.");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void anUnknownCursorModeNamesTheKey() throws Exception {
        try (ConnectorTester tester = tester(seeded.configuration(), Map.of("cursor_mode", "COPY"))) {
            tester.sync().assertFailedWith("configuration key 'cursor_mode' must be NAMED or CLIENT, got \"COPY\"");
        }
    }

    private record Fetched(long atFirstUpsert, long total) {
    }

    private static Fetched fetchedThroughProxy(String mode) throws Exception {
        try (CountingProxy proxy = new CountingProxy(seeded.port())) {
            long[] atFirst = {-1};
            long[] before = new long[1];
            Connector observed = new Observed(new ServerSideCursorsConnector(), () -> before[0] = proxy.bytesToClient(),
                    () -> {
                        if (atFirst[0] < 0) {
                            atFirst[0] = proxy.bytesToClient();
                        }
                    });
            Map<String, String> viaProxy = with(seeded.configuration(),
                    Map.of("table_name", "employees", "port", String.valueOf(proxy.port()), "cursor_mode", mode));
            try (ConnectorTester tester = ConnectorTester.of(observed).configuration(viaProxy)) {
                tester.sync().assertSucceeded();
            }
            // The connection's metadata queries before the read are counted in neither share.
            return new Fetched(atFirst[0] - before[0], proxy.bytesToClient() - before[0]);
        }
    }

    /** Runs a connector, calling {@code onUpdate} as update() starts and {@code onUpsert} at every upsert. */
    private record Observed(Connector delegate, Runnable onUpdate, Runnable onUpsert) implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) throws Exception {
            return delegate.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            onUpdate.run();
            delegate.update(configuration, state, new ForwardingOperations(operations) {
                @Override
                public void upsert(String table, Object row) {
                    onUpsert.run();
                    super.upsert(table, row);
                }
            });
        }
    }

    private static ConnectorTester tester(Map<String, String> connection, Map<String, String> overrides) {
        Map<String, String> configuration = with(connection, Map.of("table_name", "employees"));
        return ConnectorTester.of(new ServerSideCursorsConnector()).configuration(with(configuration, overrides));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> out = new HashMap<>(base);
        out.putAll(overrides);
        return out;
    }

    /** Count, sums and the latest update: equal when the warehouse holds the source's rows. */
    private static List<Object> summary(ConnectorTester tester) {
        Map<String, Object> s = tester.query(SUMMARY + "tester.employees WHERE NOT _fivetran_deleted").get(0);
        return List.of(((Number) s.get("n")).longValue(), ((Number) s.get("ids")).longValue(),
                new BigDecimal(s.get("salaries").toString()), ((Number) s.get("notes")).longValue(),
                ((java.time.OffsetDateTime) s.get("last")).toInstant());
    }

    private static List<Object> sourceSummary(TestPostgres.Database db) throws Exception {
        Map<String, Object> s = db.query(SUMMARY + "employees").get(0);
        return List.of(((Number) s.get("n")).longValue(), ((Number) s.get("ids")).longValue(),
                new BigDecimal(s.get("salaries").toString()), ((Number) s.get("notes")).longValue(),
                ((java.sql.Timestamp) s.get("last")).toInstant());
    }
}
