package io.tributary.examples.pagination_database_keyset;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationDatabaseKeysetConnectorTest {
    private TestPostgres.Database db;

    @BeforeEach
    void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql"))); // the script the README tells users to run
    }

    @Test
    void theFirstSyncReadsEveryUserPageByPage() throws Exception {
        try (ConnectorTester tester = tester(db.configuration())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(200);
            assertThat(outcome.counters().checkpoints()).as("one per page of 25").isEqualTo(8);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getString("updated_after")).isEqualTo("2026-01-01T10:00:00Z");
            assertThat(tester.state().getString("last_id")).isEqualTo("200");
        }
    }

    @Test
    void aLaterSyncReadsOnlyTheRowsInsertedOrUpdatedSince() throws Exception {
        try (ConnectorTester tester = tester(db.configuration())) {
            tester.sync().assertSucceeded();
            db.execute("UPDATE users SET email = 'new' || id || '@example.com', updated_at = '2026-02-01T00:00:00Z' "
                            + "WHERE id IN (3, 77, 150)",
                    "INSERT INTO users VALUES (201, 'User 201', 'user201@example.com', '2026-02-02T00:00:00Z'), "
                            + "(202, 'User 202', 'user202@example.com', '2026-02-02T00:00:00Z')");

            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(5);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getString("updated_after")).isEqualTo("2026-02-02T00:00:00Z");
            assertThat(tester.state().getString("last_id")).isEqualTo("202");

            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("nothing changed").isZero();
        }
    }

    @Test
    void rowsThatShareAnUpdatedAtAcrossPageBoundariesAreReadExactlyOnce() throws Exception {
        try (ConnectorTester tester = tester(db.configuration())) {
            tester.sync().assertSucceeded();
            // One bulk UPDATE gives 66 rows the same updated_at: pages of 25 end inside the run of ties.
            db.execute("UPDATE users SET name = name || ' (moved)', updated_at = '2026-03-01T00:00:00Z' WHERE id % 3 = 0");

            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().upserts()).isEqualTo(66);
            assertThat(second.counters().checkpoints()).isEqualTo(3);
            assertThat(warehouse(tester)).isEqualTo(source());
            assertThat(tester.state().getString("last_id")).isEqualTo("198");
        }
    }

    @Test
    void aSyncStoppedAtAnyCheckpointResumesToTheSameResult() throws Exception {
        // Six updated_at values shared by 40 rows each, so most checkpoints fall inside a run of ties.
        db.execute("UPDATE users SET updated_at = timestamptz '2026-01-01 00:00:00+00' + (id / 40) * interval '1 hour'");
        try (ConnectorTester tester = tester(db.configuration())) {
            tester.assertReplayFromEveryCheckpoint();
            tester.sync().assertSucceeded();
            assertThat(warehouse(tester)).isEqualTo(source());
        }
    }

    @Test
    void aWrongPasswordFailsSayingSoAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester(db.configuration())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            db.execute("INSERT INTO users VALUES (201, 'User 201', 'user201@example.com', '2026-02-02T00:00:00Z')");

            Map<String, String> wrong = new HashMap<>(db.configuration());
            wrong.put("password", "not-the-password-5d1e");
            tester.configuration(wrong);
            SyncOutcome failed = tester.sync();
            failed.assertFailedWith("cannot log in to " + db.url() + " as 'tributary_reader'")
                    .assertFailedWith("Check the user and password");
            assertThat(failed.error()).doesNotContain("not-the-password-5d1e");
            assertThat(tester.snapshot()).as("warehouse and state untouched").isEqualTo(before);

            tester.configuration(db.configuration());
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("resumes where it was").isEqualTo(1);
            assertThat(warehouse(tester)).isEqualTo(source());
        }
    }

    @Test
    void aMissingTableFailsNamingTheTablesThereAreAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester(db.configuration())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            db.execute("ALTER TABLE users RENAME TO people");

            tester.sync().assertFailedWith("table 'users' does not exist in the source database, or user "
                    + "'tributary_reader' may not see it. Tables in schema 'public': people.");
            assertThat(tester.snapshot()).isEqualTo(before);

            db.execute("ALTER TABLE people RENAME TO users");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    private static ConnectorTester tester(Map<String, String> configuration) {
        return ConnectorTester.of(new PaginationDatabaseKeysetConnector()).configuration(configuration);
    }

    /** The source users as (id, name, email, updated_at instant), by id. */
    private List<List<Object>> source() throws SQLException {
        return db.query("SELECT id, name, email, updated_at FROM users ORDER BY id").stream()
                .map(r -> List.<Object>of(r.get("id"), r.get("name"), r.get("email"),
                        ((java.sql.Timestamp) r.get("updated_at")).toInstant()))
                .toList();
    }

    /** The warehouse users the same way; none may be soft-deleted. */
    private static List<List<Object>> warehouse(ConnectorTester tester) {
        List<Map<String, Object>> rows = tester.query("SELECT * FROM tester.\"user\" ORDER BY id");
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("_fivetran_deleted", false));
        return rows.stream()
                .map(r -> List.<Object>of(r.get("id"), r.get("name"), r.get("email"),
                        ((OffsetDateTime) r.get("updated_at")).toInstant()))
                .toList();
    }
}
