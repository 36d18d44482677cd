package io.tributary.examples.history_mode;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.jdbc.testing.TestPostgres;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryModeConnectorTest {
    private TestPostgres.Database db;

    @BeforeEach
    void seed() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute(Files.readString(Path.of("sample_source.sql")));
    }

    @Test
    void everyTableWithAPrimaryKeyIsSyncedAndTheInstantJoinsTheKey() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(60 + 12 + 3);
            assertThat(tables(tester)).containsExactly("clinic_beds", "clinic_patients", "clinic_wards");
            assertThat(primaryKey(tester, "clinic_patients")).isEqualTo("[patient_id, last_updated_instant]");
            assertThat(primaryKey(tester, "clinic_beds")).isEqualTo("[ward, bed_no, last_updated_instant]");
            assertThat(primaryKey(tester, "clinic_wards")).isEqualTo("[code]");
            assertThat(tester.state().getObject("clinic_patients").getString("patient_id")).isEqualTo("60");
            assertThat(tester.state().has("clinic_wards")).as("a full copy keeps no position").isFalse();
        }
    }

    @Test
    void eachChangeSeenByASyncIsKeptAsItsOwnRow() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            db.execute("UPDATE clinic.patients SET ward = 'C', last_updated_instant = '2026-04-02T09:00:00Z' "
                    + "WHERE patient_id = 1");
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(1 + 3);
            db.execute("UPDATE clinic.patients SET ward = 'A', last_updated_instant = '2026-04-03T10:30:00Z' "
                    + "WHERE patient_id = 1");
            tester.sync().assertSucceeded();

            assertThat(versions(tester, 1)).containsExactly(
                    List.of("B", "2026-04-01T08:00:00Z"),
                    List.of("C", "2026-04-02T09:00:00Z"),
                    List.of("A", "2026-04-03T10:30:00Z"));
            assertThat(tester.query("SELECT count(*) AS n FROM tester.clinic_patients WHERE NOT _fivetran_deleted")
                    .get(0).get("n")).isEqualTo(62L);
        }
    }

    @Test
    void aTableWithoutTheInstantIsCopiedAgainEverySync() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            db.execute("UPDATE clinic.wards SET label = 'Cardiac' WHERE code = 'C'");
            tester.sync().assertSucceeded();
            assertThat(tester.query("SELECT code, label FROM tester.clinic_wards ORDER BY code"))
                    .extracting(r -> r.get("label")).containsExactly("Acute", "Burns", "Cardiac");
        }
    }

    @Test
    void aSyncStoppedAtAnyCheckpointResumesToTheSameResult() throws Exception {
        // Ten patients share each instant and twelve beds share one, so checkpoints every 7 rows fall inside ties.
        try (ConnectorTester tester = tester(Map.of("checkpoint_every", "7"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aSchemaWithoutTablesFailsNamingTheKeyToCheckAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(with(db.configuration(), Map.of("schema", "clinc",
                    "incremental_column", "last_updated_instant")));
            tester.sync().assertFailedWith("schema 'clinc' has no table with a primary key that the user can see. "
                    + "Check 'schema' in the configuration");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aWrongPasswordFailsSayingSoAndLosesNothing() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            tester.configuration(with(db.configuration(), Map.of("schema", "clinic",
                    "incremental_column", "last_updated_instant", "password", "wrong-pw-8e2a")));
            tester.sync().assertFailedWith("cannot log in to " + db.url());
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    private ConnectorTester tester(Map<String, String> overrides) {
        Map<String, String> configuration = with(db.configuration(),
                Map.of("schema", "clinic", "incremental_column", "last_updated_instant"));
        return ConnectorTester.of(new HistoryModeConnector()).configuration(with(configuration, overrides));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> overrides) {
        Map<String, String> out = new HashMap<>(base);
        out.putAll(overrides);
        return out;
    }

    private static List<Object> tables(ConnectorTester tester) {
        return tester.query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester' ORDER BY 1").stream()
                .map(r -> r.get("table_name")).toList();
    }

    private static String primaryKey(ConnectorTester tester, String table) {
        return tester.query("SELECT constraint_column_names FROM duckdb_constraints() WHERE schema_name = 'tester' "
                + "AND table_name = '" + table + "' AND constraint_type = 'PRIMARY KEY'").get(0)
                .get("constraint_column_names").toString();
    }

    private static List<List<Object>> versions(ConnectorTester tester, int patient) {
        return tester.query("SELECT ward, last_updated_instant FROM tester.clinic_patients WHERE patient_id = " + patient
                        + " AND NOT _fivetran_deleted ORDER BY last_updated_instant").stream()
                .map(r -> List.<Object>of(r.get("ward"),
                        ((OffsetDateTime) r.get("last_updated_instant")).toInstant().toString()))
                .toList();
    }
}
