package io.tributary.examples.incremental_sync_strategies;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IncrementalSyncStrategiesConnectorTest {
    /**
     * A body cut short while it is streamed into rows fails the sync (rows already emitted cannot be fetched again);
     * the next sync resumes from the last checkpoint, as a scheduled sync would. Any other failure fails the test.
     */
    private static final java.util.function.Predicate<SyncOutcome> TRUNCATED_BODY = o -> o.causedBy("bytes received");

    /** Short backoff, so retries of injected faults cost milliseconds. */
    private static final RequestPolicy FAST_RETRIES = RequestPolicy.builder()
            .maxRetries(5)
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20))
            .build();
    /** About 17 % of the attempts fail; Retry-After 0 keeps 429s fast. */
    private static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02";

    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.builder().port(0).start();
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void timestampReadsEveryUserThenOnlyThoseUpdatedSince() throws Exception {
        try (ConnectorTester tester = newTester(Map.of("strategy", "timestamp"))) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> day0 = PlaygroundUsers.expected(playground);
            assertThat(first.counters().upserts()).isEqualTo(200);
            assertThat(first.counters().checkpoints()).as("pages of the API's default 100").isEqualTo(2);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(day0);
            assertThat(tester.state().keys()).containsExactly("last_timestamp");
            assertThat(tester.state().getString("last_timestamp")).isEqualTo(PlaygroundUsers.latestUpdate(day0));

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> day1 = PlaygroundUsers.expected(playground);
            assertThat(second.counters().upserts()).as("10 new and 15 updated users").isEqualTo(25);
            List<List<String>> warehouse = PlaygroundUsers.warehouse(tester::query);
            assertThat(warehouse).hasSize(210).isEqualTo(day1);
            assertThat(changed(day0, warehouse)).hasSize(15);
            assertThat(tester.state().getString("last_timestamp")).isEqualTo(PlaygroundUsers.latestUpdate(day1));

            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("caught up").isZero();
        }
    }

    @Test
    void stepSizeReadsIdRangesAndLaterOnlyTheNewIds() throws Exception {
        try (ConnectorTester tester = newTester(Map.of("strategy", "step_size"))) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> day0 = PlaygroundUsers.expected(playground);
            assertThat(first.counters().upserts()).isEqualTo(200);
            assertThat(first.counters().checkpoints()).as("one range of 1000 ids").isEqualTo(1);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(day0);
            assertThat(tester.state().keys()).containsExactly("current_id");
            assertThat(tester.state().getLong("current_id", 0)).as("the first id not yet read").isEqualTo(201);

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> day1 = PlaygroundUsers.expected(playground);
            assertThat(second.counters().upserts()).as("only the 10 new ids").isEqualTo(10);
            // New users arrive; the 15 changed ones keep their day-0 values, as ids alone cannot show changes.
            List<List<String>> expected = new ArrayList<>(day0);
            expected.addAll(day1.stream().filter(u -> !ids(day0).contains(u.get(0))).toList());
            expected.sort(Comparator.comparing(u -> u.get(0)));
            List<List<String>> warehouse = PlaygroundUsers.warehouse(tester::query);
            assertThat(warehouse).hasSize(210).isEqualTo(expected);
            assertThat(changed(day0, day1)).hasSize(15).allSatisfy(u -> assertThat(warehouse).doesNotContain(u));
            assertThat(tester.state().getLong("current_id", 0)).isEqualTo(211);

            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("no new ids").isZero();
        }
    }

    @Test
    void stepSizeCheckpointsEachRange() throws Exception {
        try (ConnectorTester tester = newTester(Map.of("strategy", "step_size", "step_size", "50"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(200);
            assertThat(outcome.counters().checkpoints()).isEqualTo(4);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
            assertThat(tester.state().getLong("current_id", 0)).isEqualTo(201);
        }
    }

    @Test
    void stepSizeStopsAtMaxId() throws Exception {
        try (ConnectorTester tester = newTester(
                Map.of("strategy", "step_size", "step_size", "50", "initial_id", "101", "max_id", "150"))) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("ids 101 to 150").isEqualTo(50);
            assertThat(tester.state().getLong("current_id", 0)).isEqualTo(151);
        }
    }

    @Test
    void replayReadsTheLookBackWindowAgainEverySync() throws Exception {
        try (ConnectorTester tester = newTester(Map.of("strategy", "replay", "buffer_hours", "48"))) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> day0 = PlaygroundUsers.expected(playground);
            assertThat(first.counters().upserts()).isEqualTo(200);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(day0);
            Instant last0 = Instant.parse(tester.state().getString("last_timestamp"));
            assertThat(last0.toString()).isEqualTo(PlaygroundUsers.latestUpdate(day0));

            SyncOutcome again = tester.sync().assertSucceeded();
            long inWindow = updatedAfter(day0, last0.minus(Duration.ofHours(48)));
            assertThat(inWindow).as("users updated in the 48 h before the last timestamp").isPositive();
            assertThat(again.counters().upserts()).isEqualTo(inWindow);
            assertThat(PlaygroundUsers.warehouse(tester::query)).as("read again, changed nothing").isEqualTo(day0);
            assertThat(tester.state().getString("last_timestamp")).isEqualTo(last0.toString());

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> day1 = PlaygroundUsers.expected(playground);
            assertThat(second.counters().upserts()).as("the window, and the 25 new or updated users after it")
                    .isEqualTo(updatedAfter(day1, last0.minus(Duration.ofHours(48))))
                    .isGreaterThan(25);
            List<List<String>> warehouse = PlaygroundUsers.warehouse(tester::query);
            assertThat(warehouse).hasSize(210).isEqualTo(day1);
            assertThat(changed(day0, warehouse)).hasSize(15);
            assertThat(tester.state().getString("last_timestamp")).isEqualTo(PlaygroundUsers.latestUpdate(day1));
        }
    }

    @Test
    void replayDefaultsToATwoHourWindow() throws Exception {
        try (ConnectorTester tester = newTester(Map.of("strategy", "replay"))) {
            tester.sync().assertSucceeded();
            Instant last = Instant.parse(tester.state().getString("last_timestamp"));
            long inWindow = updatedAfter(PlaygroundUsers.expected(playground), last.minus(Duration.ofHours(2)));
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(inWindow).isPositive();
        }
    }

    @Test
    void unknownStrategiesAndBadSettingsAreRejected() {
        try (ConnectorTester tester = newTester(Map.of("strategy", "sideways"))) {
            tester.sync().assertFailedWith("'strategy' must be timestamp, step_size or replay");
        }
        try (ConnectorTester tester = newTester(Map.of("strategy", "keyset"))) {
            tester.sync().assertFailedWith("pagination_keyset");
        }
        try (ConnectorTester tester = newTester(Map.of("strategy", "step_size", "step_size", "0"))) {
            tester.sync().assertFailedWith("'step_size' must be at least 1");
        }
        try (ConnectorTester tester = newTester(Map.of("strategy", "replay", "buffer_hours", "-1"))) {
            tester.sync().assertFailedWith("'buffer_hours' must be 0 or more");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "step_size", "replay"})
    void injectedFaultsDoNotChangeWhatLands(String strategy) {
        Map<String, String> configuration = Map.of("strategy", strategy, "step_size", "50");
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester(configuration)) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }

        playground.setDay(0);
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester(configuration)) {
            tester.syncUntilSucceeded(5, TRUNCATED_BODY);
            playground.nextDay();
            tester.syncUntilSucceeded(5, TRUNCATED_BODY);
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum())
                .as("faults injected: %s", playground.injectedFaults()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"timestamp", "step_size", "replay"})
    void resumesFromEveryCheckpoint(String strategy) {
        try (ConnectorTester tester = newTester(Map.of("strategy", strategy, "step_size", "50"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester newTester(Map<String, String> settings) {
        Map<String, String> configuration = new HashMap<>(settings);
        configuration.put("base_url", playground.baseUrl());
        return ConnectorTester.of(new IncrementalSyncStrategiesConnector(FAST_RETRIES)).configuration(configuration);
    }

    private static long updatedAfter(List<List<String>> users, Instant since) {
        return users.stream().filter(u -> Instant.parse(u.get(6)).isAfter(since)).count();
    }

    private static Set<String> ids(List<List<String>> users) {
        Set<String> ids = new HashSet<>();
        users.forEach(u -> ids.add(u.get(0)));
        return ids;
    }

    /** The users of {@code after} that existed in {@code before} with other values. */
    private static List<List<String>> changed(List<List<String>> before, List<List<String>> after) {
        Set<String> existing = ids(before);
        return after.stream().filter(u -> existing.contains(u.get(0)) && !before.contains(u)).toList();
    }
}
