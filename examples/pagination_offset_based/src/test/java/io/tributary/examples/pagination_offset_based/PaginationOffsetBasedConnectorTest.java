package io.tributary.examples.pagination_offset_based;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaginationOffsetBasedConnectorTest {
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
    void firstSyncReadsEveryUserAndTheNextOnlyWhatChanged() throws Exception {
        try (ConnectorTester tester = newTester()) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> day0 = PlaygroundUsers.expected(playground);
            assertThat(day0).hasSize(200);
            assertThat(first.counters().upserts()).isEqualTo(200);
            assertThat(first.counters().checkpoints()).as("one checkpoint per page of 50").isEqualTo(4);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(day0);
            assertThat(tester.state().keys()).containsExactly("last_updated_at");
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(PlaygroundUsers.latestUpdate(day0));

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> day1 = PlaygroundUsers.expected(playground);
            assertThat(second.counters().upserts()).as("10 new and 15 updated users").isEqualTo(25);
            assertThat(second.counters().checkpoints()).isEqualTo(1);
            List<List<String>> warehouse = PlaygroundUsers.warehouse(tester::query);
            assertThat(warehouse).hasSize(210).isEqualTo(day1);
            assertThat(changed(day0, warehouse)).hasSize(15);
            assertThat(ids(warehouse)).hasSize(210).containsAll(ids(day0));
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(PlaygroundUsers.latestUpdate(day1));

            SyncOutcome third = tester.sync().assertSucceeded();
            assertThat(third.counters().upserts()).as("nothing changed since").isZero();
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(PlaygroundUsers.latestUpdate(day1));
        }
    }

    @Test
    void injectedFaultsDoNotChangeWhatLands() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }

        playground.setDay(0);
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester()) {
            tester.sync().assertSucceeded(); // the toolkit retries every injected fault
            playground.nextDay();
            tester.sync().assertSucceeded(); // the toolkit retries every injected fault
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum())
                .as("faults injected: %s", playground.injectedFaults()).isPositive();
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester()) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester newTester() {
        return ConnectorTester.of(new PaginationOffsetBasedConnector(FAST_RETRIES))
                .configuration(Map.of("base_url", playground.baseUrl()));
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
