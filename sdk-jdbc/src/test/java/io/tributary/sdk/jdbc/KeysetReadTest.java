package io.tributary.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.State;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keyset reads over a table where most rows share their replication key value with many others: 1,000 events over
 * 7 distinct {@code updated_at} values, so every page boundary and checkpoint can fall inside a run of ties.
 */
class KeysetReadTest {
    private static final int ROWS = 1000;
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");
    private static TestPostgres.Database db;
    private static Connection h2;

    @BeforeAll
    static void seed() throws Exception {
        db = TestPostgres.newDatabase();
        try (Connection c = db.connect()) {
            createEvents(c);
        }
        h2 = DriverManager.getConnection("jdbc:h2:mem:keyset;DB_CLOSE_DELAY=-1");
        createEvents(h2);
    }

    @AfterAll
    static void close() throws SQLException {
        h2.close();
    }

    private static void createEvents(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE events (id INT PRIMARY KEY, updated_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "payload VARCHAR(40))");
            st.execute("CREATE INDEX events_keyset ON events (updated_at, id)");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO events VALUES (?, ?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                insert.setInt(1, id);
                insert.setObject(2, minute(id * 7919 % 7)); // scattered ids, 7 distinct values
                insert.setString(3, "event " + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static OffsetDateTime minute(int m) {
        return OffsetDateTime.ofInstant(BASE.plusSeconds(60L * m), ZoneOffset.UTC);
    }

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {1, 3, 13, 100, 999, 1000, 1001, 0})
    void pagesNeitherLoseNorRepeatRowsThatShareAKeyValue(int pageSize) throws Exception {
        try (Connection c = db.connect()) {
            List<Integer> expected = ids(c, "SELECT id FROM events ORDER BY updated_at, id");
            if (pageSize > 1 && pageSize < ROWS) {
                assertThat(aBoundaryFallsInsideTies(c, pageSize)).as("the test needs a page boundary inside ties").isTrue();
            }
            for (boolean rowValues : new boolean[] {true, false}) {
                TableRead read = TableRead.keyset(SourceTable.describe(c, "events"), "updated_at").pageSize(pageSize)
                        .dialect(SqlDialect.of(c).withRowValues(rowValues));
                assertThat(readIds(c, read, read.start())).as("row values " + rowValues).isEqualTo(expected);
            }
        }
    }

    @Test
    void h2PagesTheSameWayWithRowValuesAndSpelledOut() throws Exception {
        List<Integer> expected = ids(h2, "SELECT id FROM events ORDER BY updated_at, id");
        for (boolean rowValues : new boolean[] {true, false}) {
            TableRead read = TableRead.keyset(SourceTable.describe(h2, "events"), "updated_at").pageSize(13)
                    .dialect(SqlDialect.of(h2).withRowValues(rowValues));
            assertThat(readIds(h2, read, read.start())).isEqualTo(expected);
        }
    }

    @Test
    void theQueryComparesTheKeyAndThePrimaryKeyAsOneRowValue() throws Exception {
        try (Connection c = db.connect()) {
            TableRead read = TableRead.keyset(SourceTable.describe(c, "events"), "updated_at").pageSize(500);
            assertThat(read.sql(read.after("2024-01-01T00:03:00Z", 17), SqlDialect.of(c))).isEqualTo(
                    "SELECT \"id\", \"updated_at\", \"payload\" FROM \"public\".\"events\" "
                            + "WHERE (\"updated_at\", \"id\") > (?, ?) ORDER BY \"updated_at\", \"id\" LIMIT 500");
            assertThat(read.sql(read.after("2024-01-01T00:03:00Z", 17), SqlDialect.of(c).withRowValues(false)))
                    .contains("WHERE (\"updated_at\" > ? OR (\"updated_at\" = ? AND \"id\" > ?))");
        }
    }

    @Test
    void resumesExactlyAfterAnyPositionSavedInTheState() throws Exception {
        try (Connection c = db.connect()) {
            TableRead read = TableRead.keyset(SourceTable.describe(c, "events"), "updated_at").pageSize(10);
            List<SourceRow> all = new ArrayList<>();
            read.read(c, read.start(), all::add);
            List<Integer> allIds = all.stream().map(r -> (Integer) r.values().get("id")).toList();
            for (int k = 0; k < ROWS; k += 37) {
                State saved = State.parse(State.empty().putValue("events", all.get(k).position().toState()).toJson());
                Position resumed = read.position(saved.getObject("events"));
                assertThat(resumed).isEqualTo(all.get(k).position());
                assertThat(readIds(c, read, resumed)).as("after row %d", k).isEqualTo(allIds.subList(k + 1, ROWS));
            }
        }
    }

    @Test
    void anInitialCursorAloneStartsAfterEveryRowWithThatValue() throws Exception {
        try (Connection c = db.connect()) {
            TableRead read = TableRead.keyset(SourceTable.describe(c, "events"), "updated_at").pageSize(50);
            assertThat(readIds(c, read, read.after("2024-01-01T00:03:00+00:00"))).isEqualTo(
                    ids(c, "SELECT id FROM events WHERE updated_at > '2024-01-01T00:03:00Z' ORDER BY updated_at, id"));
        }
    }

    @Test
    void aReplicationKeyReadCheckpointsOnlyWhereTheKeyValueChanges() throws Exception {
        try (Connection c = db.connect()) {
            TableRead read = TableRead.replicationKey(SourceTable.describe(c, "events"), "updated_at");
            List<Position> saved = new ArrayList<>();
            List<Integer> emittedAtCheckpoint = new ArrayList<>();
            List<Integer> emitted = new ArrayList<>();
            Checkpoints checkpoints = Checkpoints.every(5, read.start(), p -> {
                saved.add(p);
                emittedAtCheckpoint.add(emitted.size());
            });
            read.read(c, read.start(), row -> {
                checkpoints.beforeRow(row.position());
                emitted.add((Integer) row.values().get("id"));
            });
            checkpoints.finish();

            assertThat(saved).hasSize(7); // one per distinct value: the 6 changes and the end
            for (int i = 0; i < saved.size(); i++) {
                Instant key = (Instant) saved.get(i).get("updated_at");
                // Everything up to the saved value was emitted before the checkpoint, and the rest is read after it.
                assertThat(emittedAtCheckpoint.get(i)).isEqualTo(count(c, "updated_at <= '" + key + "'"));
                assertThat(readIds(c, read, saved.get(i))).hasSize(count(c, "updated_at > '" + key + "'"));
            }
        }
    }

    @Test
    void aKeysetReadCheckpointsExactlyEveryNRows() throws Exception {
        try (Connection c = db.connect()) {
            TableRead read = TableRead.keyset(SourceTable.describe(c, "events"), "updated_at").pageSize(64);
            List<Position> saved = new ArrayList<>();
            List<Position> rows = new ArrayList<>();
            Checkpoints checkpoints = Checkpoints.every(100, read.start(), saved::add);
            read.read(c, read.start(), row -> {
                checkpoints.beforeRow(row.position());
                rows.add(row.position());
            });
            checkpoints.finish();
            // After rows 100, 200, ... 900 (each taken before the next row), ties or not, and at the end (row 1000).
            List<Position> expected = new ArrayList<>();
            for (int n = 100; n <= ROWS; n += 100) {
                expected.add(rows.get(n - 1));
            }
            assertThat(saved).isEqualTo(expected);
        }
    }

    @Test
    void aSecondReadFromTheLastPositionReadsExactlyTheChangedRows() throws Exception {
        TestPostgres.Database fresh = TestPostgres.newDatabase();
        try (Connection c = fresh.connect()) {
            createEvents(c);
            TableRead read = TableRead.keyset(SourceTable.describe(c, "events"), "updated_at").pageSize(25);
            List<SourceRow> first = new ArrayList<>();
            read.read(c, read.start(), first::add);
            Position last = first.get(first.size() - 1).position();

            fresh.execute("UPDATE events SET updated_at = '2024-02-01T00:00:00Z', payload = 'changed' "
                            + "WHERE id IN (5, 500, 999)",
                    "INSERT INTO events VALUES (1001, '2024-02-01T00:00:00Z', 'new'), (1002, '2024-02-02T00:00:00Z', 'new')");
            assertThat(readIds(c, read, last)).containsExactly(5, 500, 999, 1001, 1002);
        }
    }

    private static boolean aBoundaryFallsInsideTies(Connection c, int pageSize) throws SQLException {
        List<Instant> keys = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT updated_at FROM events ORDER BY updated_at, id")) {
            while (rs.next()) {
                keys.add(rs.getObject(1, OffsetDateTime.class).toInstant());
            }
        }
        for (int b = pageSize; b < keys.size(); b += pageSize) {
            if (keys.get(b - 1).equals(keys.get(b))) {
                return true;
            }
        }
        return false;
    }

    private static List<Integer> readIds(Connection c, TableRead read, Position after) throws Exception {
        List<Integer> ids = new ArrayList<>();
        read.read(c, after, row -> ids.add((Integer) row.values().get(row.values().containsKey("id") ? "id" : "ID")));
        return ids;
    }

    private static List<Integer> ids(Connection c, String sql) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }

    private static int count(Connection c, String where) throws SQLException {
        return ids(c, "SELECT id FROM events WHERE " + where).size();
    }
}
