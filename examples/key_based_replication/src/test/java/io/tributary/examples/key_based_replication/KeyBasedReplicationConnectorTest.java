package io.tributary.examples.key_based_replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyBasedReplicationConnectorTest {
    @TempDir
    Path dir;

    @Test
    void firstSyncReadsTheRowsUpdatedAfterTheInitialCursor() throws SQLException {
        String source = dir.resolve("source.duckdb").toString();
        try (ConnectorTester tester = newTester(source, 1000)) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(3);
            assertThat(customerIds(tester)).containsExactly(2, 4, 5);
            assertThat(warehouse(tester)).isEqualTo(sourceAfterInitialCursor(source));
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2024-03-16T16:40:29Z");
        }
    }

    @Test
    void laterSyncsReadOnlyTheRowsChangedSince() throws SQLException {
        String source = dir.resolve("source.duckdb").toString();
        try (ConnectorTester tester = newTester(source, 1000)) {
            tester.sync().assertSucceeded();
            Map<Object, Object> syncedBefore = syncedAtById(tester);

            execute(source,
                    "UPDATE customers SET email = 'joe.doe@example.com', updated_at = '2024-04-01 10:00:00' WHERE customer_id = 2",
                    // Row 1 was older than the initial cursor; a change brings it in.
                    "UPDATE customers SET last_name = 'Perry Jr', updated_at = '2024-04-02 11:00:00' WHERE customer_id = 1",
                    "INSERT INTO customers VALUES (6, 'Ana', 'Lopez', 'ana@fivetran.com', '2024-04-03 12:00:00')");
            SyncOutcome second = tester.sync().assertSucceeded();

            assertThat(second.counters().upserts()).as("only the changed rows are read").isEqualTo(3);
            assertThat(customerIds(tester)).containsExactly(1, 2, 4, 5, 6);
            assertThat(warehouse(tester)).isEqualTo(sourceAfterInitialCursor(source));
            Map<Object, Object> syncedAfter = syncedAtById(tester);
            assertThat(syncedAfter.get(4)).as("unchanged rows are not rewritten").isEqualTo(syncedBefore.get(4));
            assertThat(syncedAfter.get(5)).isEqualTo(syncedBefore.get(5));
            assertThat(syncedAfter.get(2)).isNotEqualTo(syncedBefore.get(2));
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2024-04-03T12:00:00Z");

            SyncOutcome third = tester.sync().assertSucceeded();
            assertThat(third.counters().upserts()).isZero();
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2024-04-03T12:00:00Z");
            assertThat(warehouse(tester)).isEqualTo(sourceAfterInitialCursor(source));
        }
    }

    @Test
    void changesThatDoNotMoveTheKeyAndDeletesAreNotSeen() throws SQLException {
        String source = dir.resolve("source.duckdb").toString();
        try (ConnectorTester tester = newTester(source, 1000)) {
            tester.sync().assertSucceeded();
            execute(source,
                    "UPDATE customers SET email = 'silent@example.com' WHERE customer_id = 4",
                    "DELETE FROM customers WHERE customer_id = 5");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();

            assertThat(customerIds(tester)).containsExactly(2, 4, 5);
            assertThat(tester.rows("customers")).filteredOn(row -> row.get("customer_id").equals(4))
                    .singleElement().satisfies(row -> assertThat(row).containsEntry("email", "john@fivetran.com"));
        }
    }

    @Test
    void rowsSharingAKeyValueAreNeverSplitByACheckpoint() throws SQLException {
        String source = dir.resolve("source.duckdb").toString();
        execute(source, "UPDATE customers SET updated_at = '2024-02-14 22:59:59' WHERE customer_id IN (2, 5)");
        try (ConnectorTester tester = newTester(source, 1)) {
            // Rows 2, 4 and 5 share one key value: one checkpoint at the end, none between them.
            assertThat(tester.sync().assertSucceeded().counters().checkpoints()).isEqualTo(1);
            assertThat(customerIds(tester)).containsExactly(2, 4, 5);
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2024-02-14T22:59:59Z");
        }
    }

    @Test
    void anInMemorySourceIsRebuiltEachSyncSoTheSecondSyncReadsNothing() {
        try (ConnectorTester tester = ConnectorTester.of(new KeyBasedReplicationConnector())) {
            tester.sync().assertSucceeded();
            assertThat(customerIds(tester)).containsExactly(2, 4, 5);
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2024-03-16T16:40:29Z");
        }
    }

    @Test
    void aCheckpointIntervalBelowOneIsRejected() {
        try (ConnectorTester tester = newTester("", 0)) {
            tester.sync().assertFailedWith("'checkpoint_interval'");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() throws SQLException {
        String source = dir.resolve("source.duckdb").toString();
        execute(source, "UPDATE customers SET updated_at = '2024-02-20 08:00:00' WHERE customer_id = 1");
        try (ConnectorTester tester = newTester(source, 1)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static ConnectorTester newTester(String source, int checkpointInterval) {
        return ConnectorTester.of(new KeyBasedReplicationConnector()).configuration(Map.of(
                "source_database", source, "checkpoint_interval", String.valueOf(checkpointInterval)));
    }

    private static void execute(String source, String... statements) throws SQLException {
        try (Connection c = SourceDatabase.open(source); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** The source rows the connector replicates, as (id, first, last, email, updated_at in UTC). */
    private static List<List<Object>> sourceAfterInitialCursor(String source) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = SourceDatabase.open(source); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM customers WHERE updated_at > '2024-01-01 00:00:00' "
                     + "ORDER BY customer_id")) {
            while (rs.next()) {
                rows.add(List.of(rs.getInt("customer_id"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getString("email"), rs.getObject("updated_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)));
            }
        }
        return rows;
    }

    /** The warehouse rows as (id, first, last, email, updated_at); none may be soft-deleted. */
    private static List<List<Object>> warehouse(ConnectorTester tester) {
        List<Map<String, Object>> rows = tester.query("SELECT * FROM tester.customers ORDER BY customer_id");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("_fivetran_deleted", false));
        return rows.stream()
                .map(r -> List.<Object>of(r.get("customer_id"), r.get("first_name"), r.get("last_name"), r.get("email"),
                        ((OffsetDateTime) r.get("updated_at")).toInstant()))
                .toList();
    }

    private static List<Object> customerIds(ConnectorTester tester) {
        return tester.query("SELECT customer_id FROM tester.customers ORDER BY customer_id").stream()
                .map(r -> r.get("customer_id")).toList();
    }

    private static Map<Object, Object> syncedAtById(ConnectorTester tester) {
        Map<Object, Object> out = new LinkedHashMap<>();
        tester.rows("customers").forEach(r -> out.put(r.get("customer_id"), r.get("_fivetran_synced")));
        return out;
    }
}
