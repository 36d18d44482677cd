package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit flags connectors that checkpoint too rarely: a failure would make the next sync redo too much. */
class CheckpointCadenceTest {
    /** Upserts {@code rows} rows, checkpointing after every {@code every}, and never after the last {@code tail}. */
    private static Connector emitting(int rows, int every, int tail) {
        return new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                for (int id = 1; id <= rows; id++) {
                    operations.upsert("t", Map.of("id", id));
                    if (id % every == 0 && id <= rows - tail) {
                        operations.checkpoint(Map.of("id", id));
                    }
                }
            }
        };
    }

    @Test
    void theWidestGapCountsTheRowsAfterTheLastCheckpointToo() {
        try (ConnectorTester tester = ConnectorTester.of(emitting(1_000, 100, 250))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().checkpoints()).isEqualTo(7);
            assertThat(outcome.counters().widestCheckpointGap()).as("rows 701..1000, after the last").isEqualTo(300);
            outcome.assertCheckpointedEvery(300);
            assertThatThrownBy(() -> outcome.assertCheckpointedEvery(299)).isInstanceOf(AssertionError.class)
                    .hasMessage("expected a checkpoint at least every 299 rows, but up to 300 rows went between two "
                            + "(7 checkpoints for 1000 rows); checkpoint after every page or every few thousand rows");
        }
    }

    @Test
    void aConnectorThatNeverCheckpointsHasAGapOfEveryRow() {
        try (ConnectorTester tester = ConnectorTester.of(emitting(500, 1_000, 0))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().checkpoints()).isZero();
            assertThat(outcome.counters().widestCheckpointGap()).isEqualTo(500);
        }
    }
}
