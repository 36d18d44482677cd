package io.tributary.examples.multiple_tables_with_cursors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.sdk.State;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultipleTablesWithCursorsConnectorTest {
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
    void firstSyncReadsBothTablesAndTheNextOnlyWhatChanged() throws Exception {
        try (ConnectorTester tester = newTester()) {
            SyncOutcome first = tester.sync().assertSucceeded();

            List<List<String>> companies0 = PlaygroundCompanies.companies(playground);
            List<List<String>> departments0 = PlaygroundCompanies.departments(playground);
            assertThat(companies0).hasSize(10);
            assertThat(departments0).hasSize(40);
            assertThat(first.counters().upserts()).isEqualTo(50);
            assertThat(first.counters().checkpoints()).as("one per company").isEqualTo(10);
            assertThat(PlaygroundCompanies.warehouseCompanies(tester)).isEqualTo(companies0);
            assertThat(PlaygroundCompanies.warehouseDepartments(tester)).isEqualTo(departments0);
            State state0 = tester.state();
            assertThat(state0.keys()).containsExactlyInAnyOrder("company_cursor", "department_cursor");
            assertThat(state0.getString("company_cursor")).isEqualTo(PlaygroundCompanies.latest(companies0, 4));
            assertThat(departmentCursors(state0)).isEqualTo(latestDepartmentPerCompany(departments0));

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            List<List<String>> companies1 = PlaygroundCompanies.companies(playground);
            List<List<String>> departments1 = PlaygroundCompanies.departments(playground);
            assertThat(companies1).hasSize(11);
            assertThat(departments1).hasSize(44);
            long changedCompanies = companies1.stream()
                    .filter(c -> Instant.parse(c.get(4)).isAfter(Instant.parse(state0.getString("company_cursor"))))
                    .count();
            assertThat(changedCompanies).as("the new company and those changed or with changed departments")
                    .isBetween(3L, 6L);
            assertThat(second.counters().upserts())
                    .as("changed companies, plus 3 + 1 new and 2 updated departments").isEqualTo(changedCompanies + 6);
            assertThat(second.counters().checkpoints()).isEqualTo(changedCompanies);
            assertThat(PlaygroundCompanies.warehouseCompanies(tester)).isEqualTo(companies1);
            assertThat(PlaygroundCompanies.warehouseDepartments(tester)).isEqualTo(departments1);
            assertThat(tester.state().getString("company_cursor")).isEqualTo(PlaygroundCompanies.latest(companies1, 4));
            assertThat(departmentCursors(tester.state())).hasSize(11)
                    .isEqualTo(latestDepartmentPerCompany(departments1));

            SyncOutcome third = tester.sync().assertSucceeded();
            assertThat(third.counters().upserts()).as("nothing changed since").isZero();
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
            tester.syncUntilSucceeded(5, TRUNCATED_BODY);
            playground.nextDay();
            tester.syncUntilSucceeded(5, TRUNCATED_BODY);
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
        return ConnectorTester.of(new MultipleTablesWithCursorsConnector(FAST_RETRIES))
                .configuration(Map.of("base_url", playground.baseUrl()));
    }

    private static Map<String, String> departmentCursors(State state) {
        Map<String, String> out = new TreeMap<>();
        state.getObject("department_cursor").keys().forEach(k -> out.put(k, state.getObject("department_cursor").getString(k)));
        return out;
    }

    /** company_id to the greatest updatedAt of its departments. */
    private static Map<String, String> latestDepartmentPerCompany(List<List<String>> departments) {
        Map<String, String> out = new TreeMap<>();
        for (List<String> d : departments) {
            out.merge(d.get(0), d.get(4), (a, b) -> Instant.parse(a).isAfter(Instant.parse(b)) ? a : b);
        }
        return out;
    }
}
