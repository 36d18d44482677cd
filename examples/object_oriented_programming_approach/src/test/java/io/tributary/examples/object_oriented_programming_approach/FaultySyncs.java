package io.tributary.examples.object_oriented_programming_approach;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;

/**
 * Syncs against a playground that injects faults. The toolkit retries 429, 5xx and connection resets, but a body
 * that breaks off after a 200 ("truncate") fails the sync; the next sync then resumes from the last checkpoint,
 * as a scheduler would run it. Any other failure fails the test.
 */
final class FaultySyncs {
    private static final int MAX_SYNCS = 6;

    private FaultySyncs() {
    }

    static void syncUntilSucceeded(ConnectorTester tester, Playground playground) {
        for (int attempt = 1; attempt <= MAX_SYNCS; attempt++) {
            long truncatedBefore = truncated(playground);
            SyncOutcome outcome = tester.sync();
            if (outcome.succeeded()) {
                return;
            }
            assertThat(truncated(playground))
                    .as("a sync may only fail on a truncated body, but it failed with: %s", outcome.error())
                    .isGreaterThan(truncatedBefore);
        }
        throw new AssertionError("no sync succeeded in " + MAX_SYNCS + " attempts");
    }

    private static long truncated(Playground playground) {
        return playground.injectedFaults().getOrDefault("truncate", 0L);
    }
}
