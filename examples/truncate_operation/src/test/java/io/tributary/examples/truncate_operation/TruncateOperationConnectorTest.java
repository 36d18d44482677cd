package io.tributary.examples.truncate_operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TruncateOperationConnectorTest {
    /** The destination after each stage, as the original's comments draw it: id, name, category, price, in stock, deleted. */
    private static final List<List<List<Object>>> AFTER_STAGE = List.of(
            List.of(
                    row(1, "Laptop", "Electronics", 999.99f, true, false),
                    row(2, "Wireless Mouse", "Electronics", 29.99f, true, false),
                    row(3, "Desk Chair", "Furniture", 349.99f, false, false)),
            List.of(
                    row(1, "Laptop", "Electronics", 799.99f, true, false),
                    row(2, "Wireless Mouse", "Electronics", 29.99f, true, false),
                    row(3, "Desk Chair", "Furniture", 349.99f, false, false)),
            List.of(
                    row(1, "Laptop", "Electronics", 799.99f, true, true),
                    row(2, "Wireless Mouse", "Electronics", 29.99f, true, true),
                    row(3, "Desk Chair", "Furniture", 349.99f, false, true)),
            List.of(
                    row(1, "Laptop", "Electronics", 799.99f, true, true),
                    row(2, "Wireless Mouse", "Electronics", 29.99f, true, true),
                    row(3, "Desk Chair", "Furniture", 349.99f, false, true),
                    row(4, "Mechanical Keyboard", "Electronics", 129.99f, true, false),
                    row(5, "Standing Desk", "Furniture", 599.99f, true, false)),
            List.of(
                    row(1, "Laptop Pro", "Electronics", 1249.99f, true, false),
                    row(2, "Wireless Mouse", "Electronics", 29.99f, true, true),
                    row(3, "Desk Chair", "Furniture", 349.99f, false, true),
                    row(4, "Mechanical Keyboard", "Electronics", 129.99f, true, false),
                    row(5, "Standing Desk", "Furniture", 599.99f, true, false)),
            List.of(
                    row(1, "Laptop Pro", "Electronics", 1249.99f, true, false),
                    row(2, "Wireless Mouse", "Electronics", 29.99f, true, true),
                    row(3, "Desk Chair", "Furniture", 349.99f, false, true),
                    row(4, "Mechanical Keyboard", "Electronics", 129.99f, true, false),
                    row(5, "Standing Desk", "Furniture", 599.99f, true, true)));

    @ParameterizedTest(name = "the table after stage {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6})
    void eachStageLeavesTheTableTheOriginalDraws(int stage) {
        try (ConnectorTester tester = tester(stage)) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(products(tester)).isEqualTo(AFTER_STAGE.get(stage - 1));
            assertThat(outcome.counters().checkpoints()).as("one per stage").isEqualTo(stage);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void theWholeRunEmitsEachOperationOfTheOriginal() {
        try (ConnectorTester tester = ConnectorTester.of(new TruncateOperationConnector())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().upserts()).isEqualTo(6);
            assertThat(outcome.counters().updates()).isEqualTo(1);
            assertThat(outcome.counters().truncates()).isEqualTo(1);
            assertThat(outcome.counters().deletes()).isEqualTo(1);
            assertThat(tester.liveRows("products")).extracting(r -> r.get("product_id")).containsExactly(1, 4);
        }
    }

    @Test
    void aSecondSyncReloadsTheSameTable() {
        try (ConnectorTester tester = ConnectorTester.of(new TruncateOperationConnector())) {
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            // Stage 1 revives 1 to 3, stage 3 truncates them again: the truncate makes the reload exact.
            assertThat(products(tester)).isEqualTo(AFTER_STAGE.get(5));
        }
    }

    @Test
    void aSyncStoppedAtAnyStageEndsTheSameOnceRunAgain() {
        try (ConnectorTester tester = ConnectorTester.of(new TruncateOperationConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aSyncStoppedAfterTheTruncateKeepsTheTruncateAndTheNextSyncCompletesIt() {
        try (ConnectorTester tester = tester(3)) {
            tester.sync().assertSucceeded();
            tester.configuration(Map.of());
            tester.sync().assertSucceeded();
            assertThat(products(tester)).isEqualTo(AFTER_STAGE.get(5));
        }
    }

    @Test
    void anUnknownStageIsRejectedBeforeAnythingIsWritten() {
        try (ConnectorTester tester = tester(7)) {
            tester.sync().assertFailedWith("'last_stage' must be between 1 and 6, got 7");
            assertThat(tester.query("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester'")).isEmpty();
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    private static ConnectorTester tester(int lastStage) {
        return ConnectorTester.of(new TruncateOperationConnector())
                .configuration(Map.of("last_stage", String.valueOf(lastStage)));
    }

    private static List<List<Object>> products(ConnectorTester tester) {
        return tester.query("SELECT product_id, name, category, price, in_stock, _fivetran_deleted "
                        + "FROM tester.products ORDER BY product_id").stream()
                .map(r -> List.copyOf(r.values()))
                .toList();
    }

    private static List<Object> row(int id, String name, String category, float price, boolean inStock, boolean deleted) {
        return List.of(id, name, category, price, inStock, deleted);
    }
}
