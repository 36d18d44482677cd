package io.tributary.examples.export_csv;

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

class ExportCsvConnectorTest {
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
    /**
     * About 17 % of the attempts fail, Retry-After 0 keeps 429s fast. A sync makes a single request, so the
     * rates are high enough that the fixed seed faults some of them.
     */
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
    void everySyncReadsTheWholeExport() throws Exception {
        try (ConnectorTester tester = newTester()) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> day0 = PlaygroundUsers.expected(playground);
            assertThat(first.counters().upserts()).isEqualTo(200);
            assertThat(first.counters().checkpoints()).isEqualTo(1);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(day0);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.\"user\" WHERE address LIKE '%,%'"))
                    .as("quoted fields with commas are one value").singleElement()
                    .satisfies(r -> assertThat((Long) r.get("n")).isPositive());
            assertThat(tester.query("SELECT typeof(updated_at) AS t FROM tester.\"user\" LIMIT 1"))
                    .singleElement().satisfies(r -> assertThat(r.get("t")).isEqualTo("TIMESTAMP WITH TIME ZONE"));
            assertThat(tester.state().isEmpty()).isTrue();

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> day1 = PlaygroundUsers.expected(playground);
            assertThat(second.counters().upserts()).as("the whole export again").isEqualTo(210);
            List<List<String>> warehouse = PlaygroundUsers.warehouse(tester::query);
            assertThat(warehouse).hasSize(210).isEqualTo(day1);
            assertThat(changed(day0, warehouse)).hasSize(15);
            assertThat(ids(warehouse)).containsAll(ids(day0));
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void injectedFaultsDoNotChangeWhatLands() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester()) {
            for (int day = 0; day < 4; day++) {
                playground.setDay(day);
                tester.sync().assertSucceeded();
            }
            clean = tester.snapshot();
        }

        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester()) {
            for (int day = 0; day < 4; day++) {
                playground.setDay(day);
                tester.syncUntilSucceeded(5, TRUNCATED_BODY);
            }
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
        return ConnectorTester.of(new ExportCsvConnector(FAST_RETRIES))
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
