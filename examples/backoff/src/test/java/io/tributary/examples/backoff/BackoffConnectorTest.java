package io.tributary.examples.backoff;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.playground.PlaygroundUsers;
import io.tributary.sdk.http.Sleeper;
import io.tributary.testkit.ConnectorTester;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffConnectorTest {
    /** 200 users in pages of 50. */
    private static final int PAGES = 4;

    private Playground playground;
    /** Every wait the connector asked for, in order; nothing actually sleeps. */
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final Sleeper recording = waits::add;

    @BeforeEach
    void start() {
        playground = Playground.builder().port(0).start();
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    /**
     * Each request fails 4 times with 429 (Retry-After: 3 s) or 500, then succeeds: the waits before attempts 2 to 5
     * are the strategy's sequence, once per page. The jitter draws 0.25 every time.
     */
    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource(delimiter = '|', value = {
            "fixed                   | 429 | 2000, 2000, 2000, 2000",
            "linear                  | 429 | 500, 1000, 1500, 2000",
            "exponential             | 429 | 1000, 2000, 4000, 8000",
            "exponential_with_cap    | 429 | 1000, 2000, 4000, 8000",
            "exponential_with_jitter | 429 | 250, 500, 1000, 2000",
            "retry_after             | 429 | 3000, 3000, 3000, 3000",
            "retry_after             | 500 | 1000, 2000, 4000, 8000",
    })
    void eachStrategyWaitsItsOwnSequenceAndEveryUserArrives(String strategy, String status, String millis) throws Exception {
        playground.setFaults(status + ":1:3,max:4");
        try (ConnectorTester tester = tester(strategy, 5)) {
            tester.sync().assertSucceeded();

            List<Duration> perPage = new ArrayList<>();
            for (String m : millis.split(",")) {
                perPage.add(Duration.ofMillis(Long.parseLong(m.trim())));
            }
            List<Duration> expected = new ArrayList<>();
            for (int page = 0; page < PAGES; page++) {
                expected.addAll(perPage);
            }
            assertThat(waits).isEqualTo(expected);
            assertThat(playground.injectedFaults().get(status)).as("failed attempts the playground served")
                    .isEqualTo(4L * PAGES);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void theCapStopsTheGrowthThatPlainExponentialKeeps() {
        playground.setFaults("500:1,max:6");
        try (ConnectorTester tester = tester("exponential", 7)) {
            tester.sync().assertSucceeded();
            assertThat(waits.subList(0, 6)).extracting(Duration::toMillis).containsExactly(1000L, 2000L, 4000L, 8000L,
                    16000L, 32000L);
        }
        waits.clear();
        playground.resetFaultCounters();
        try (ConnectorTester tester = tester("exponential_with_cap", 7)) {
            tester.sync().assertSucceeded();
            assertThat(waits.subList(0, 6)).extracting(Duration::toMillis).containsExactly(1000L, 2000L, 4000L, 8000L,
                    10000L, 10000L);
        }
    }

    @Test
    void jitterStaysBelowTheExponentialCeiling() {
        playground.setFaults("429:1:0,max:4");
        double[] draws = {0.0, 0.5, 0.999, 0.1};
        int[] next = {0};
        try (ConnectorTester tester = ConnectorTester.of(new BackoffConnector(recording, () -> draws[next[0]++ % 4]))
                .configuration(configuration("exponential_with_jitter", 5))) {
            tester.sync().assertSucceeded();
            assertThat(waits.subList(0, 4)).extracting(Duration::toMillis).containsExactly(0L, 1000L, 3996L, 800L);
            for (int i = 0; i < waits.size(); i++) {
                assertThat(waits.get(i)).isLessThan(Duration.ofMillis(500L << (i % 4 + 1)));
            }
        }
    }

    @Test
    void whenTheAttemptsRunOutTheSyncFailsAndKeepsWhatWasCheckpointed() throws Exception {
        try (ConnectorTester tester = tester("linear", 3)) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();
            playground.nextDay();
            playground.setFaults("503:1,max:10");
            waits.clear();

            tester.sync().assertFailedWith("failed after 3 attempts with backoff 'linear'; the last answer: HTTP 503");
            assertThat(waits).extracting(Duration::toMillis).containsExactly(500L, 1000L);
            assertThat(tester.snapshot()).isEqualTo(before);

            playground.clearFaults();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).as("the day's 25 changes").isEqualTo(25);
            assertThat(PlaygroundUsers.warehouse(tester::query)).isEqualTo(PlaygroundUsers.expected(playground));
        }
    }

    @Test
    void aClientErrorIsNotRetried() {
        Map<String, String> configuration = configuration("fixed", 5);
        configuration.put("base_url", playground.baseUrl() + "/no-such-api");
        try (ConnectorTester tester = ConnectorTester.of(new BackoffConnector(recording, () -> 0.5))
                .configuration(configuration)) {
            tester.sync().assertFailedWith("answered HTTP 404, which retrying cannot fix");
            assertThat(waits).isEmpty();
        }
    }

    @Test
    void anUnknownStrategyListsTheKnownOnes() {
        try (ConnectorTester tester = tester("patience", 5)) {
            tester.sync().assertFailedWith("'backoff_strategy' must be one of fixed, linear, exponential, "
                    + "exponential_with_cap, exponential_with_jitter, retry_after, got \"patience\"");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        playground.setFaults("429:0.3:0,500:0.2,max:2");
        try (ConnectorTester tester = tester("exponential_with_jitter", 5)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester tester(String strategy, int maxAttempts) {
        return ConnectorTester.of(new BackoffConnector(recording, () -> 0.25))
                .configuration(configuration(strategy, maxAttempts));
    }

    private Map<String, String> configuration(String strategy, int maxAttempts) {
        Map<String, String> configuration = new HashMap<>();
        configuration.put("base_url", playground.baseUrl());
        configuration.put("backoff_strategy", strategy);
        configuration.put("max_attempts", String.valueOf(maxAttempts));
        return configuration;
    }
}
