package io.tributary.examples.cursors_time_window;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeWindowConnectorTest {
    private static final RequestPolicy FAST_RETRIES = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();

    private Playground playground;
    /** The clock the connector reads when a sync starts: the playground's "now", the end of its current day. */
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void start() {
        playground = Playground.builder().port(0).start();
        clock.now = playground.now();
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void theFirstSyncWalksWindowsFromTheInitialStartUpToTheSyncStart() throws Exception {
        try (ConnectorTester tester = tester(Map.of("initial_sync_start", "2024-09-01T00:00:00Z"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
            assertThat(outcome.counters().upserts()).isEqualTo(200);
            // 2024-09-01 + 30-day windows: Oct 1, Oct 31, Nov 30, Dec 30, then the sync start, Jan 2.
            assertThat(outcome.counters().checkpoints()).as("one per window, one per page")
                    .isEqualTo(expectedCheckpoints(Instant.parse("2024-09-01T00:00:00Z"), 30, 100));
            assertThat(tester.state().getString("to_timestamp")).isEqualTo("2025-01-02T00:00:00Z");
        }
    }

    @Test
    void aLaterInitialStartLeavesOutWhatWasUpdatedBeforeIt() throws Exception {
        Instant start = Instant.parse("2024-12-01T00:00:00Z");
        try (ConnectorTester tester = tester(Map.of("initial_sync_start", start.toString()))) {
            tester.sync().assertSucceeded();

            List<List<String>> expected = PlaygroundUsers.expected(playground).stream()
                    .filter(u -> Instant.parse(u.get(6)).isAfter(start)).toList();
            assertThat(expected).hasSizeBetween(1, 199);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(expected);
        }
    }

    @Test
    void aLaterSyncReadsOnlyTheWindowSinceTheLastOne() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();

            playground.nextDay();
            clock.now = playground.now();
            SyncOutcome second = tester.sync().assertSucceeded();

            assertThat(second.counters().upserts()).as("10 new and 15 updated users of one day").isEqualTo(25);
            assertThat(PlaygroundUsers.warehouse(tester::query)).hasSize(210).isEqualTo(PlaygroundUsers.expected(playground));
            assertThat(tester.state().getString("to_timestamp")).isEqualTo("2025-01-03T00:00:00Z");
        }
    }

    @Test
    void aSyncAtTheSameMomentAsTheLastReadsNothing() {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            SyncOutcome again = tester.sync().assertSucceeded();
            assertThat(again.counters().upserts()).isZero();
            assertThat(again.counters().checkpoints()).isZero();
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void windowsOfOneDayAndPagesOfSevenEndTheSame() throws Exception {
        try (ConnectorTester tester = tester(Map.of("days_per_window", "1", "page_size", "7",
                "initial_sync_start", "2024-09-01T00:00:00Z"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();
            assertThat(outcome.counters().checkpoints()).as("123 daily windows, and their pages")
                    .isEqualTo(expectedCheckpoints(Instant.parse("2024-09-01T00:00:00Z"), 1, 7))
                    .isGreaterThan(123);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void aFailedSyncKeepsTheLastWindowAndTheNextOneCatchesUp() throws Exception {
        try (ConnectorTester tester = tester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            playground.nextDay();
            clock.now = playground.now();
            playground.setFaults("500:1,max:100");
            tester.sync().assertFailedWith("answered HTTP 500");
            assertThat(tester.snapshot()).isEqualTo(before);

            playground.clearFaults();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(25);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(Map.of("page_size", "40", "initial_sync_start", "2024-09-01T00:00:00Z"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void badSettingsAreNamed() {
        try (ConnectorTester tester = tester(Map.of("days_per_window", "0"))) {
            tester.sync().assertFailedWith("'days_per_window' must be at least 1, got 0");
        }
        try (ConnectorTester tester = tester(Map.of("initial_sync_start", "June 2024"))) {
            tester.sync().assertFailedWith("'initial_sync_start' must be an ISO-8601 UTC timestamp");
        }
    }

    /** One checkpoint per window and one per page of users in it, from the playground's users of today. */
    private int expectedCheckpoints(Instant start, int days, int pageSize) throws Exception {
        List<Instant> updates = PlaygroundUsers.expected(playground).stream().map(u -> Instant.parse(u.get(6))).toList();
        int checkpoints = 0;
        for (Instant from = start; from.isBefore(clock.now); from = from.plus(Duration.ofDays(days))) {
            Instant f = from;
            Instant to = from.plus(Duration.ofDays(days)).isBefore(clock.now) ? from.plus(Duration.ofDays(days)) : clock.now;
            long inWindow = updates.stream().filter(u -> u.isAfter(f) && !u.isAfter(to)).count();
            checkpoints += 1 + (int) ((inWindow + pageSize - 1) / pageSize);
        }
        return checkpoints;
    }

    private ConnectorTester tester(Map<String, String> settings) {
        Map<String, String> configuration = new HashMap<>(settings);
        configuration.put("base_url", playground.baseUrl());
        return ConnectorTester.of(new TimeWindowConnector(clock, FAST_RETRIES)).configuration(configuration);
    }

    /** A clock the test moves; the connector reads it once per sync. */
    private static final class MovableClock extends Clock {
        volatile Instant now;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
