package io.tributary.examples.pagination_database_limit_offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.TableRead;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationDatabaseLimitOffsetConnectorTest {
    private TestPostgres.Database db;

    @BeforeEach
    void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql")));
    }

    @Test
    void onAnUnchangingTableTheFirstSyncReadsEveryUserPageByPage() throws Exception {
        try (ConnectorTester tester = tester()) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(200);
            assertThat(outcome.counters().checkpoints()).isEqualTo(8);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getInt("offset", -1)).isEqualTo(200);
        }
    }

    @Test
    void onAnUnchangingTableAStoppedSyncResumesCorrectlyFromItsOffset() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void newRowsThatSortLastAreReadByTheNextSync() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            db.execute("INSERT INTO users VALUES (201, 'User 201', 'user201@example.com', '2026-02-01T00:00:00Z')");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(1);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getInt("offset", -1)).isEqualTo(201);
        }
    }

    /** The hazard the README documents: an offset counts positions, and an update moves rows to the end. */
    @Test
    void hazardUpdatedRowsAreNeverReadAgain() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            db.execute("UPDATE users SET email = 'changed' || id || '@example.com', updated_at = '2026-02-01T00:00:00Z' "
                    + "WHERE id IN (3, 77, 150)");

            SyncOutcome second = tester.sync().assertSucceeded();
            // The three rows moved to positions 197-199, before the saved offset of 200: nothing is read.
            assertThat(second.counters().upserts()).isZero();
            assertThat(tester.state().getInt("offset", -1)).isEqualTo(200);
            List<List<Object>> stale = new ArrayList<>(warehouse(tester));
            stale.removeAll(source());
            assertThat(stale).extracting(row -> row.get(0)).containsExactly(3, 77, 150);
        }
    }

    /** The hazard the README documents: a delete between a checkpoint and the resumed sync skips a row. */
    @Test
    void hazardADeleteBeforeTheOffsetMakesAResumedSyncSkipARow() throws Exception {
        StopAtCheckpoint connector = new StopAtCheckpoint(new PaginationDatabaseLimitOffsetConnector());
        try (ConnectorTester tester = ConnectorTester.of(connector).configuration(db.configuration())) {
            connector.stopNextSyncAfter(2);
            tester.sync().assertFailedWith("stopped after checkpoint 2");
            assertThat(tester.state().getInt("offset", -1)).isEqualTo(50); // users 1..50 are committed

            db.execute("DELETE FROM users WHERE id = 10"); // every later row moves up one position
            tester.sync().assertSucceeded();

            List<Object> synced = warehouse(tester).stream().map(r -> r.get(0)).toList();
            assertThat(synced).doesNotContain(51).hasSize(199); // user 51 moved to position 50, which counted as read
            assertThat(source()).extracting(r -> r.get(0)).contains(51);

            // The same stop and the same delete, resumed with a keyset from the last row committed (user 50):
            try (Connection c = db.connect()) {
                TableRead keyset = TableRead.keyset(SourceTable.describe(c, "users"), "updated_at");
                Position afterUser50 = keyset.after("2026-01-01T02:30:00Z", 50);
                List<Object> resumed = new ArrayList<>();
                keyset.read(c, afterUser50, row -> resumed.add(row.values().get("id")));
                assertThat(resumed).hasSize(150).first().isEqualTo(51);
            }
        }
    }

    @Test
    void aMissingTableFailsNamingTheTablesThereAreAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            db.execute("ALTER TABLE users RENAME TO members");
            tester.sync().assertFailedWith("table 'users' does not exist in the source database")
                    .assertFailedWith("Tables in schema 'public': members.");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(new PaginationDatabaseLimitOffsetConnector()).configuration(db.configuration());
    }

    private List<List<Object>> source() throws SQLException {
        return db.query("SELECT id, name, email, updated_at FROM users ORDER BY id").stream()
                .map(r -> List.<Object>of(r.get("id"), r.get("name"), r.get("email"),
                        ((java.sql.Timestamp) r.get("updated_at")).toInstant()))
                .toList();
    }

    private static List<List<Object>> warehouse(ConnectorTester tester) {
        return tester.query("SELECT * FROM tester.\"user\" WHERE NOT _fivetran_deleted ORDER BY id").stream()
                .map(r -> List.<Object>of(r.get("id"), r.get("name"), r.get("email"),
                        ((OffsetDateTime) r.get("updated_at")).toInstant()))
                .toList();
    }
}
