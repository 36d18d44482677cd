package io.tributary.examples.three_operations;

import static io.tributary.examples.three_operations.ThreeOperationsConnector.rowId;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreeOperationsConnectorTest {

    @Test
    void idsAreFixedNameBasedUuids() {
        assertThat(rowId(0).version()).isEqualTo(3);
        assertThat(rowId(0)).isNotEqualTo(rowId(1)).isNotEqualTo(rowId(2));
        assertThat(rowId(1)).isEqualTo(rowId(1));
    }

    @Test
    void firstSyncUpsertsThreeRowsUpdatesTheSecondAndDeletesTheThird() {
        try (ConnectorTester tester = ConnectorTester.of(new ThreeOperationsConnector())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(3);
            assertThat(outcome.counters().updates()).isEqualTo(1);
            assertThat(outcome.counters().deletes()).isEqualTo(1);
            assertExpectedRows(tester);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void repeatedSyncsKeepTheSameThreeRows() {
        try (ConnectorTester tester = ConnectorTester.of(new ThreeOperationsConnector())) {
            for (int sync = 0; sync < 3; sync++) {
                tester.sync().assertSucceeded();
            }
            // The third row was revived by each upsert and deleted again; nothing else accumulates.
            assertExpectedRows(tester);
            assertThat(tester.liveRows("three")).extracting(row -> row.get("id"))
                    .containsExactlyInAnyOrder(rowId(0).toString(), rowId(1).toString());
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void columnsAreRenamedAndTypedByInference() {
        try (ConnectorTester tester = ConnectorTester.of(new ThreeOperationsConnector())) {
            tester.sync().assertSucceeded();
            // Fivetran naming splits letters from digits: val1 lands as val_1.
            List<Map<String, Object>> columns = tester.query("SELECT column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = 'tester' AND table_name = 'three' AND column_name IN ('id', 'val_1', 'val_2') "
                    + "ORDER BY column_name");
            assertThat(columns).extracting(c -> c.get("data_type")).containsExactly("VARCHAR", "VARCHAR", "INTEGER");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new ThreeOperationsConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static void assertExpectedRows(ConnectorTester tester) {
        Map<Object, Map<String, Object>> byId = new LinkedHashMap<>();
        tester.rows("three").forEach(row -> byId.put(row.get("id"), row));
        assertThat(byId).hasSize(3);

        String first = rowId(0).toString();
        assertThat(byId.get(first)).containsEntry("val_1", first).containsEntry("val_2", 0)
                .containsEntry("_fivetran_deleted", false);

        // The partial update changed val1 only: val2 keeps the upserted value.
        assertThat(byId.get(rowId(1).toString())).containsEntry("val_1", "abc").containsEntry("val_2", 1)
                .containsEntry("_fivetran_deleted", false);

        // The soft delete keeps the row and its values, flagged as deleted.
        String third = rowId(2).toString();
        assertThat(byId.get(third)).containsEntry("val_1", third).containsEntry("val_2", 2)
                .containsEntry("_fivetran_deleted", true);
    }
}
