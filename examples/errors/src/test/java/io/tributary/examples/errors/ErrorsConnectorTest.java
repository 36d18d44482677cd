package io.tributary.examples.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsConnectorTest {

    @Test
    void withoutSimulatedErrorsEveryRecordArrivesBatchByBatch() {
        try (ConnectorTester tester = tester(Map.of("error_simulation_type", "0"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().checkpoints()).as("3 batches of 10").isEqualTo(3);
            assertThat(keys(tester)).hasSize(30).startsWith(1).endsWith(30);
            assertThat(tester.query("SELECT amount, result FROM tester.demo_response_test WHERE \"key\" = 7").get(0))
                    .containsEntry("amount", new BigDecimal("7.50"))
                    .containsEntry("result", "Simulated response 7 for config: default");
            assertThat(tester.state().getLong("cursor", -1)).isEqualTo(30);
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("nothing left to read").isZero();
        }
    }

    @ParameterizedTest(name = "type {0}")
    @CsvSource(delimiter = '|', value = {
            "1 | CRITICAL ERROR: missing required configuration: configuration key 'demo_config' is required",
            "2 | CRITICAL ERROR: invalid state: state key 'cursor' must be a whole number, got \"corrupted-cursor\"",
            "3 | CRITICAL ERROR: failed to fetch the batch after key 10: the source answered 503",
            "4 | CRITICAL ERROR: record 15 failed validation: 'result' is empty",
            "5 | CRITICAL ERROR: writing record 15 failed: upsert into table",
    })
    void eachSimulatedFailureSaysWhatWentWrongAndKeepsTheLastCheckpoint(String type, String message) {
        try (ConnectorTester tester = tester(Map.of("records", "10"))) {
            tester.sync().assertSucceeded();
            Map<String, Object> afterFirstBatch = tester.snapshot();

            tester.configuration(Map.of("error_simulation_type", type, "records", "30"));
            tester.sync().assertFailedWith(message);
            assertThat(tester.snapshot()).as("warehouse and state as the last checkpoint left them").isEqualTo(afterFirstBatch);
            assertThat(tester.state().getLong("cursor", -1)).isEqualTo(10);

            tester.configuration(Map.of("error_simulation_type", "0", "records", "30"));
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("resumes after key 10").isEqualTo(20);
            assertThat(keys(tester)).hasSize(30);
            assertThat(tester.state().getLong("cursor", -1)).isEqualTo(30);
        }
    }

    @Test
    void theRejectedValueIsNamedWithItsTableAndColumn() {
        try (ConnectorTester tester = tester(Map.of("error_simulation_type", "5"))) {
            SyncOutcome failed = tester.sync();
            failed.assertFailedWith("demo_response_test").assertFailedWith("amount").assertFailedWith("twelve dollars");
            assertThat(keys(tester)).as("the first batch was checkpointed before the bad record").hasSize(10);
        }
    }

    @Test
    void aFirstSyncThatFailsInItsSecondBatchKeepsTheFirst() {
        try (ConnectorTester tester = tester(Map.of("error_simulation_type", "4"))) {
            SyncOutcome failed = tester.sync();
            failed.assertFailedWith("record 15 failed validation");
            assertThat(failed.counters().upserts()).as("11 to 14 were emitted, then dropped").isEqualTo(14);
            assertThat(keys(tester)).hasSize(10).endsWith(10);
            assertThat(tester.state().getLong("cursor", -1)).isEqualTo(10);
        }
    }

    @Test
    void anUnknownSimulationTypeIsAConfigurationError() {
        try (ConnectorTester tester = tester(Map.of("error_simulation_type", "9"))) {
            tester.sync().assertFailedWith("'error_simulation_type' must be 0 to 5, got \"9\"");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(Map.of("batch_size", "7"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static ConnectorTester tester(Map<String, String> configuration) {
        return ConnectorTester.of(new ErrorsConnector()).configuration(configuration);
    }

    private static List<Integer> keys(ConnectorTester tester) {
        return tester.query("SELECT \"key\" FROM tester.demo_response_test ORDER BY \"key\"").stream()
                .map(r -> (Integer) r.get("key")).toList();
    }
}
