package io.tributary.examples.large_data_set_without_pagination;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LargeDataSetWithoutPaginationConnectorTest {
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /**
     * 17 % of attempts fail. A sync makes one request, so the test runs twelve days, and the decision seed is one
     * under which those requests meet a 429, a 503, a connection reset and a response cut off half-way.
     */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:20";
    /** Most tests read the list from entry 99,500 on, at most 1,000 entries; one test reads it all. */
    static final long SLICE_START = 99_500;

    @Test
    void everySyncReadsTheWholeResponseInCheckpointedBatches() throws Exception {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = newTester(playground, SLICE_START, 1_000)) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(first.counters().upserts()).isEqualTo(500);
            assertThat(first.counters().checkpoints()).as("one per batch of 100").isEqualTo(5);
            assertThat(warehouse(tester)).isEqualTo(PokemonSource.entries(playground, SLICE_START, 500));
            assertThat(tester.rows("pokemons")).allSatisfy(row -> assertThat(row)
                    .containsEntry("_fivetran_deleted", false).containsKey("_fivetran_id"));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_000);

            playground.nextDay();
            SyncOutcome nextDay = tester.sync().assertSucceeded();

            // The whole response again: the 500 known entries (same rows, same keys) and the 100 new ones.
            assertThat(nextDay.counters().upserts()).isEqualTo(600);
            assertThat(warehouse(tester)).isEqualTo(PokemonSource.entries(playground, SLICE_START, 600));
            assertThat(tester.query("SELECT count(DISTINCT name) AS names, count(*) AS n FROM tester.pokemons"))
                    .containsExactly(Map.of("names", 600L, "n", 600L));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_100);
        }
    }

    @Test
    void entriesPastTheLimitAreNotRead() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, 0, 250)) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(250);
            assertThat(outcome.counters().checkpoints()).as("two full batches and a last one of 50").isEqualTo(3);
            assertThat(warehouse(tester)).isEqualTo(PokemonSource.entries(playground, 0, 250));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(250);
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        // One playground for both runs: the rows hold its URLs, port included.
        try (Playground playground = Playground.start(0);
             ConnectorTester expected = newTester(playground, SLICE_START, 1_000);
             ConnectorTester actual = newTester(playground, SLICE_START, 1_000)) {
            for (int day = 0; day <= 11; day++) {
                playground.setDay(day);
                playground.clearFaults();
                expected.sync().assertSucceeded();
                playground.setFaults(FAULTS);
                // The one list is streamed into rows, so a body cut short fails the sync; the next resumes from the
                // last checkpoint, as a scheduled sync would. Any other failure fails the test.
                actual.syncUntilSucceeded(6, o -> o.causedBy("bytes received"));
                assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
            }
            assertThat(playground.injectedFaults()).containsEntry("429", 1L).containsEntry("503", 2L)
                    .containsEntry("reset", 1L).containsEntry("truncate", 1L);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = newTester(playground, 99_700, 1_000)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void syncsTheWholeListOfAHundredThousandFromOneResponse() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new LargeDataSetWithoutPaginationConnector(FAST))
                     .configuration(Map.of("base_url", playground.baseUrl() + "/pokeapi/api/v2"))) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(100_000);
            assertThat(outcome.counters().checkpoints()).isEqualTo(1_000);
            assertThat(tester.query("SELECT count(*) AS n, count(DISTINCT name) AS names, count(DISTINCT url) AS urls"
                    + " FROM tester.pokemons")).containsExactly(Map.of("n", 100_000L, "names", 100_000L,
                    "urls", 100_000L));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_000);
        }
    }

    @Test
    void aBatchSizeBelowOneIsRejected() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new LargeDataSetWithoutPaginationConnector(FAST))
                     .configuration(Map.of("base_url", playground.baseUrl() + "/pokeapi/api/v2", "batch_size", "0"))) {
            tester.sync().assertFailedWith("'batch_size' must be at least 1");
        }
    }

    static ConnectorTester newTester(Playground playground, long startOffset, int limit) {
        return ConnectorTester.of(new LargeDataSetWithoutPaginationConnector(FAST)).configuration(Map.of(
                "base_url", playground.baseUrl() + "/pokeapi/api/v2",
                "start_offset", String.valueOf(startOffset),
                "limit", String.valueOf(limit)));
    }

    /** (name, url) in list order: by the number at the end of the URL. */
    private static List<List<Object>> warehouse(ConnectorTester tester) {
        return tester.query("SELECT name, url FROM tester.pokemons").stream()
                .map(r -> List.<Object>of(r.get("name"), r.get("url")))
                .sorted(Comparator.comparing(row -> number((String) row.get(1))))
                .toList();
    }

    private static int number(String url) {
        String[] parts = url.split("/");
        return Integer.parseInt(parts[parts.length - 1]);
    }
}
