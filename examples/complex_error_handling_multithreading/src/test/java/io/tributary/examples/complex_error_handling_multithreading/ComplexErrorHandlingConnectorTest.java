package io.tributary.examples.complex_error_handling_multithreading;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ComplexErrorHandlingConnectorTest {
    private Playground playground;
    private final FakeTime time = new FakeTime();

    @BeforeEach
    void start() {
        playground = Playground.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void aCleanSyncReadsEveryPageAndCheckpointsThemInOrder() throws Exception {
        ComplexErrorHandlingConnector connector = connector();
        try (ConnectorTester tester = tester(connector, Map.of())) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            List<List<String>> users = PlaygroundUsers.expected(playground);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(users);
            assertThat(outcome.counters().checkpoints()).as("4 pages of 50, then the end of the pass").isEqualTo(5);
            assertThat(tester.state().keys()).containsExactly("last_updated_at");
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(PlaygroundUsers.latestUpdate(users));
            assertThat(time.sleeps).isEmpty();

            playground.nextDay();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("the day's changes").isEqualTo(25);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void retryableErrorsAreRetriedOnEveryThreadAndChangeNothing() throws Exception {
        Map<String, Object> clean;
        try (ConnectorTester tester = tester(connector(), Map.of("per_page", "20"))) {
            tester.sync().assertSucceeded();
            clean = tester.snapshot();
        }
        playground.setFaults("500:0.2,503:0.1,429:0.1:0,reset:0.05,truncate:0.05,max:2");
        ComplexErrorHandlingConnector connector = connector();
        try (ConnectorTester tester = tester(connector, Map.of("failure_threshold", "100", "per_page", "20"))) {
            tester.sync().assertSucceeded();
            assertThat(tester.snapshot()).as("rows and state as without faults").isEqualTo(clean);
        }
        assertThat(connector.lastStats().retried.get()).isPositive();
        assertThat(connector.lastStats().fatal.get()).isZero();
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    @Test
    void theCircuitOpensWaitsOutItsCooldownAndProbesBeforeLettingRequestsThrough() throws Exception {
        // Every request fails 4 times, then succeeds. One thread, so the order of events is fixed.
        playground.setFaults("503:1,max:4");
        ComplexErrorHandlingConnector connector = connector();
        try (ConnectorTester tester = tester(connector, Map.of("parallelism", "1", "failure_threshold", "3",
                "cooldown_seconds", "30", "max_retries", "5", "max_circuit_opens", "100"))) {
            tester.sync().assertSucceeded();
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
        // Per request: backoff 0.5 s, 1 s; the 3rd failure opens the circuit, backoff 2 s; the rest of the 30 s
        // cooldown; the probe fails and opens it again, backoff 4 s; the cooldown's remaining 26 s; the probe succeeds.
        List<Duration> perRequest = List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(28), Duration.ofSeconds(4), Duration.ofSeconds(26));
        List<Duration> expected = new ArrayList<>();
        // The newest update time, 4 pages, the empty page 5, and page 6, which ParallelFetch (a window of twice the
        // thread count) had already started when page 5 came back empty.
        int requests = 1 + 4 + 1 + 1;
        for (int i = 0; i < requests; i++) {
            expected.addAll(perRequest);
        }
        assertThat(time.sleeps).isEqualTo(expected);
        assertThat(playground.injectedFaults().get("503")).isEqualTo(4L * requests);
    }

    @Test
    void aSourceThatStaysDownStopsTheSyncAfterFewRequestsAndLosesNothing() throws Exception {
        ComplexErrorHandlingConnector connector = connector();
        try (ConnectorTester tester = tester(connector, Map.of("parallelism", "4", "failure_threshold", "3",
                "max_retries", "10", "max_circuit_opens", "2"))) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            playground.nextDay();
            playground.setFaults("500:1,max:1000");

            tester.sync().assertFailedWith("the circuit breaker opened 2 times after 3 failures in a row");
            assertThat(tester.snapshot()).isEqualTo(before);
            assertThat(playground.injectedFaults().get("500")).as("3 failures, then one failed probe; "
                    + "without the breaker the request alone would have been tried 11 times").isEqualTo(4L);

            playground.clearFaults();
            tester.sync().assertSucceeded();
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void aFatalErrorIsNotRetried() {
        ComplexErrorHandlingConnector connector = connector();
        try (ConnectorTester tester = tester(connector, Map.of("base_url", playground.baseUrl() + "/no-such-api"))) {
            tester.sync().assertFailedWith("fatal error, not retried").assertFailedWith("answered HTTP 404");
            assertThat(time.sleeps).isEmpty();
            assertThat(connector.lastStats().fatal.get()).isEqualTo(1);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void aPassStoppedHalfwayFinishesAcrossADayChangeWithoutLosingAUser() throws Exception {
        StopsAfterCheckpoints stopping = new StopsAfterCheckpoints(connector(), 2);
        try (ConnectorTester tester = ConnectorTester.of(stopping).configuration(configuration(Map.of("parallelism", "3")))) {
            tester.sync().assertFailedWith("stopped after checkpoint 2");
            assertThat(tester.state().getInt("next_page", 0)).isEqualTo(3);
            String highWater = tester.state().getString("high_water");

            playground.nextDay(); // 10 new users, 15 updated: some on pages already read
            stopping.stopAfter = Integer.MAX_VALUE;
            tester.sync().assertSucceeded();
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(highWater);

            tester.sync().assertSucceeded(); // the users updated after the high water
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = tester(connector(), Map.of("parallelism", "3", "per_page", "30"))) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ComplexErrorHandlingConnector connector() {
        return new ComplexErrorHandlingConnector(time, time);
    }

    private ConnectorTester tester(Connector connector, Map<String, String> settings) {
        return ConnectorTester.of(connector).configuration(configuration(settings));
    }

    private Map<String, String> configuration(Map<String, String> settings) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("base_url", playground.baseUrl());
        configuration.putAll(settings);
        return configuration;
    }

    /** The real connector, stopped (as by a crash) right after its {@code stopAfter}-th checkpoint. */
    private static final class StopsAfterCheckpoints implements Connector {
        private final Connector connector;
        volatile int stopAfter;

        StopsAfterCheckpoints(Connector connector, int stopAfter) {
            this.connector = connector;
            this.stopAfter = stopAfter;
        }

        @Override
        public List<Table> schema(Configuration configuration) throws Exception {
            return connector.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            int[] checkpoints = {0};
            connector.update(configuration, state, new Operations() {
                public void upsert(String table, Object row) {
                    operations.upsert(table, row);
                }

                public void update(String table, Object row) {
                    operations.update(table, row);
                }

                public void delete(String table, Object keys) {
                    operations.delete(table, keys);
                }

                public void truncate(String table) {
                    operations.truncate(table);
                }

                public synchronized void checkpoint(Object newState) {
                    operations.checkpoint(newState);
                    if (++checkpoints[0] == stopAfter) {
                        throw new IllegalStateException("stopped after checkpoint " + stopAfter);
                    }
                }

                public RuntimeException error(String message) {
                    return operations.error(message);
                }

                public void warning(String message) {
                    operations.warning(message);
                }
            });
        }
    }
}
