package io.tributary.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Re-running failed syncs the way a scheduler does, tolerating only the failures a test allows. */
class SyncUntilSucceededTest {
    /** Emits one row per sync, checkpoints, and fails the first {@code failures} syncs after that with {@code message}. */
    private static Connector failingFirst(int failures, String message) {
        AtomicInteger syncs = new AtomicInteger();
        return new Connector() {
            @Override
            public void update(Configuration configuration, State state, Operations operations) {
                long next = state.getLong("next", 0);
                operations.upsert("t", Map.of("id", next));
                operations.checkpoint(state.put("next", next + 1));
                if (syncs.incrementAndGet() <= failures) {
                    throw new UncheckedIOException(new java.io.IOException(message));
                }
            }
        };
    }

    @Test
    void toleratedFailuresAreResumedFromTheirCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(failingFirst(2, "fixed content-length: 10, bytes received: 5"))) {
            assertThat(tester.syncUntilSucceeded(3, o -> o.causedBy("bytes received")).succeeded()).isTrue();
            assertThat(tester.rows("t")).as("each failed sync kept its checkpoint").hasSize(3);
        }
    }

    @Test
    void aFailureTheTestDoesNotAllowFailsAtOnce() {
        try (ConnectorTester tester = ConnectorTester.of(failingFirst(1, "disk full"))) {
            assertThatThrownBy(() -> tester.syncUntilSucceeded(3, o -> o.causedBy("bytes received")))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("sync 1 failed").hasMessageContaining("disk full");
        }
    }

    @Test
    void givesUpAfterTheLastAllowedSync() {
        try (ConnectorTester tester = ConnectorTester.of(failingFirst(5, "bytes received: 1"))) {
            assertThatThrownBy(() -> tester.syncUntilSucceeded(2, o -> o.causedBy("bytes received")))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("no sync succeeded in 2 attempts");
        }
    }
}
