package io.tributary.examples.update_and_delete;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpdateAndDeleteConnectorTest {
    private TestPostgres.Database db;

    @BeforeEach
    void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql")));
    }

    @Test
    void theFirstSyncCopiesEveryRowWithItsCompositeKey() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(6);
            assertThat(outcome.counters().deletes()).isZero();
            assertThat(live(tester)).isEqualTo(source());
            assertThat(tester.query("SELECT constraint_type, constraint_column_names FROM duckdb_constraints() "
                    + "WHERE schema_name = 'tester' AND table_name = 'sample_table' AND constraint_type = 'PRIMARY KEY'"))
                    .singleElement().satisfies(c -> assertThat(c.get("constraint_column_names").toString())
                            .isEqualTo("[id, department_id]"));
        }
    }

    @Test
    void deletesReadFromTheSourceSoftDeleteExactlyThoseKeys() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            // Fivetran's two cases: one full key, then every department of id 1.
            db.execute("DELETE FROM sample_table WHERE id = 3 AND department_id = 1",
                    "DELETE FROM sample_table WHERE id = 1");

            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().deletes()).isEqualTo(3);
            assertThat(second.counters().upserts()).isZero();
            assertThat(deletedKeys(tester)).containsExactly(List.of(1, 1), List.of(1, 2), List.of(3, 1));
            assertThat(live(tester)).isEqualTo(source());
        }
    }

    @Test
    void updatesAreUpsertedAndAChangedKeyDeletesTheOldOne() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            db.execute("UPDATE sample_table SET address = '1 New Rd' WHERE id = 2 AND department_id = 3",
                    "UPDATE sample_table SET department_id = 2 WHERE id = 4 AND department_id = 3"); // Bob moves

            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().upserts()).isEqualTo(2);
            assertThat(second.counters().deletes()).isEqualTo(1);
            assertThat(deletedKeys(tester)).containsExactly(List.of(4, 3));
            assertThat(live(tester)).isEqualTo(source());
        }
    }

    @Test
    void aKeyDeletedAndInsertedAgainEndsUpLive() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            db.execute("DELETE FROM sample_table WHERE id = 2 AND department_id = 3",
                    "INSERT INTO sample_table (id, name, department_id, address) VALUES (2, 'Jane', 3, '9 Back St')");
            tester.sync().assertSucceeded();
            assertThat(deletedKeys(tester)).isEmpty();
            assertThat(live(tester)).isEqualTo(source());
        }
    }

    @Test
    void aSyncStoppedAtAnyCheckpointResumesToTheSameResult() throws Exception {
        db.execute("INSERT INTO sample_table (id, name, department_id, address) "
                        + "SELECT i, 'Person ' || i, 1 + i % 3, i || ' Side St' FROM generate_series(10, 40) i",
                "DELETE FROM sample_table WHERE id % 4 = 0",
                "UPDATE sample_table SET address = 'moved' WHERE id % 5 = 0");
        try (ConnectorTester tester = tester(Map.of("checkpoint_every", "3"))) {
            tester.assertReplayFromEveryCheckpoint();
            tester.sync().assertSucceeded();
            assertThat(live(tester)).isEqualTo(source());
            assertThat(tester.state().getObject("rows").keys()).containsExactly("updated_at", "id", "department_id");
            assertThat(tester.state().getObject("deletes").keys()).containsExactly("deleted_at", "id", "department_id");
        }
    }

    @Test
    void aMissingDeletesTableFailsSayingSoAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            db.execute("ALTER TABLE sample_table_deletes RENAME TO sample_table_tombstones");
            tester.sync().assertFailedWith("table 'sample_table_deletes' does not exist in the source database")
                    .assertFailedWith("Tables in schema 'public': sample_table, sample_table_tombstones.");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    private ConnectorTester tester(Map<String, String> overrides) {
        Map<String, String> configuration = new HashMap<>(db.configuration());
        configuration.putAll(overrides);
        return ConnectorTester.of(new UpdateAndDeleteConnector()).configuration(configuration);
    }

    private List<List<Object>> source() throws SQLException {
        return db.query("SELECT id, department_id, name, address FROM sample_table ORDER BY id, department_id").stream()
                .map(r -> List.of(r.get("id"), r.get("department_id"), r.get("name"), r.get("address")))
                .toList();
    }

    private static List<List<Object>> live(ConnectorTester tester) {
        return tester.query("SELECT id, department_id, name, address FROM tester.sample_table "
                        + "WHERE NOT _fivetran_deleted ORDER BY id, department_id").stream()
                .map(r -> List.of(r.get("id"), r.get("department_id"), r.get("name"), r.get("address")))
                .toList();
    }

    private static List<List<Object>> deletedKeys(ConnectorTester tester) {
        return tester.query("SELECT id, department_id FROM tester.sample_table WHERE _fivetran_deleted "
                        + "ORDER BY id, department_id").stream()
                .map(r -> List.of(r.get("id"), r.get("department_id")))
                .toList();
    }
}
