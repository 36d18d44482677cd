package io.tributary.examples.pagination_scroll_token;

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

class PaginationScrollTokenConnectorTest {
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
    void everySyncScrollsThroughAllUsersAndEndsWithoutAToken() throws Exception {
        try (ConnectorTester tester = newTester(FAST_RETRIES, "")) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> day0 = PlaygroundUsers.expected(playground);
            assertThat(day0).hasSize(200);
            assertThat(first.counters().upserts()).isEqualTo(200);
            assertThat(first.counters().checkpoints()).as("one per page of the API's default 10").isEqualTo(20);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(day0);
            assertThat(tester.state().isEmpty()).as("the token is cleared at the end: %s", tester.state()).isTrue();

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> day1 = PlaygroundUsers.expected(playground);
            assertThat(second.counters().upserts()).as("a new scroll reads every user again").isEqualTo(210);
            List<List<String>> warehouse = PlaygroundUsers.warehouse(tester::query);
            assertThat(warehouse).hasSize(210).isEqualTo(day1);
            assertThat(changed(day0, warehouse)).hasSize(15);
            assertThat(ids(warehouse)).containsAll(ids(day0));
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void checkpointsEvery25RecordsWithinAPage() throws Exception {
        try (ConnectorTester tester = newTester(FAST_RETRIES, "100")) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(200);
            assertThat(outcome.counters().checkpoints()).as("2 pages x (4 within + 1 after)").isEqualTo(10);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void anInterruptedScrollFinishesTheSnapshotItStartedEvenAfterADayChange() throws Exception {
        List<List<String>> day0 = PlaygroundUsers.expected(playground);
        // No retries and many 500s: the first sync fails part-way, after some pages were committed.
        RequestPolicy noRetries = RequestPolicy.builder().maxRetries(0).build();
        playground.setFaults("500:0.15");
        try (ConnectorTester tester = newTester(noRetries, "")) {
            tester.sync().assertFailedWith("HTTP 500");
            assertThat(tester.state().getString("scroll_token")).as("a page was committed before the failure")
                    .isNotBlank();
            int committed = tester.rows("user").size();
            assertThat(committed).isBetween(10, 190);

            playground.clearFaults();
            playground.nextDay();
            SyncOutcome resumed = tester.sync().assertSucceeded();
            assertThat(resumed.counters().upserts()).as("only the rest of the day-0 scroll").isEqualTo(200 - committed);
            assertThat(PlaygroundUsers.warehouse(tester::query)).as("day 0's users, none of day 1's").isEqualTo(day0);
            assertThat(tester.state().isEmpty()).isTrue();

            tester.sync().assertSucceeded();
            assertThat(PlaygroundUsers.warehouse(tester::query)).as("a new scroll sees day 1")
                    .isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void injectedFaultsDoNotChangeWhatLands() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester(FAST_RETRIES, "")) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }

        playground.setDay(0);
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester(FAST_RETRIES, "")) {
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
        // Pages of 100 checkpoint within pages too, so both kinds of checkpoint are resumed from.
        try (ConnectorTester tester = newTester(FAST_RETRIES, "100")) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aPageSizeBelowOneIsRejected() {
        try (ConnectorTester tester = newTester(FAST_RETRIES, "0")) {
            tester.sync().assertFailedWith("'page_size' must be at least 1");
        }
    }

    private ConnectorTester newTester(RequestPolicy policy, String pageSize) {
        return ConnectorTester.of(new PaginationScrollTokenConnector(policy))
                .configuration(Map.of("base_url", playground.baseUrl(), "page_size", pageSize));
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
