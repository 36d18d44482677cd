package io.tributary.examples.large_data_set_with_pagination;

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

class LargeDataSetWithPaginationConnectorTest {
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /** 17 % of attempts fail; the decision seed makes these few requests meet every kind of fault. */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:21";
    /** The tests read the last 500 of the playground's 100,000 entries; one test reads them all. */
    static final long SLICE_START = 99_500;

    @Test
    void firstSyncReadsPageByPageAndTheNextDayOnlyTheNewEntries() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, SLICE_START)) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(first.counters().upserts()).isEqualTo(500);
            assertThat(first.counters().checkpoints()).as("one per page of 100").isEqualTo(5);
            assertThat(warehouse(tester)).isEqualTo(PokemonSource.entries(playground, SLICE_START, 500));
            assertThat(tester.rows("pokemons")).allSatisfy(row -> assertThat(row)
                    .containsEntry("_fivetran_deleted", false).containsKey("_fivetran_id"));
            assertThat(warehouse(tester).get(0).get(1)).isEqualTo(playground.baseUrl()
                    + "/pokeapi/api/v2/pokemon/99501/");
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_000);

            // The same day: the list has not grown, nothing is read past the end.
            SyncOutcome again = tester.sync().assertSucceeded();
            assertThat(again.counters().upserts()).isZero();
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_000);

            playground.nextDay();
            SyncOutcome nextDay = tester.sync().assertSucceeded();

            assertThat(nextDay.counters().upserts()).isEqualTo(100);
            assertThat(warehouse(tester)).isEqualTo(PokemonSource.entries(playground, SLICE_START, 600));
            assertThat(tester.query("SELECT count(DISTINCT name) AS names, count(*) AS n FROM tester.pokemons"))
                    .containsExactly(Map.of("names", 600L, "n", 600L));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_100);
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        // One playground for both runs: the rows hold its URLs, port included.
        try (Playground playground = Playground.start(0);
             ConnectorTester expected = newTester(playground, 98_000);
             ConnectorTester actual = newTester(playground, 98_000)) {
            for (int day = 0; day <= 3; day++) {
                playground.setDay(day);
                playground.clearFaults();
                expected.sync().assertSucceeded();
                playground.setFaults(FAULTS);
                actual.sync().assertSucceeded(); // the toolkit retries every injected fault
                assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
            }
            assertThat(playground.injectedFaults()).allSatisfy((kind, count) -> {
                if (!kind.equals("latency")) {
                    assertThat(count).as(kind).isPositive();
                }
            });
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, 99_700)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void syncsTheWholeListOfAHundredThousandAndThenTheNextDaysHundred() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, 0)) {
            SyncOutcome first = tester.sync().assertSucceeded();

            assertThat(first.counters().upserts()).isEqualTo(100_000);
            assertThat(first.counters().checkpoints()).isEqualTo(1_000);
            assertThat(tester.query("SELECT count(*) AS n, count(DISTINCT name) AS names, count(DISTINCT url) AS urls"
                    + " FROM tester.pokemons")).containsExactly(Map.of("n", 100_000L, "names", 100_000L,
                    "urls", 100_000L));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_000);

            playground.nextDay();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(100);
            assertThat(tester.query("SELECT count(*) AS n FROM tester.pokemons"))
                    .containsExactly(Map.of("n", 100_100L));
            assertThat(tester.state().getLong("offset", -1)).isEqualTo(100_100);
        }
    }

    @Test
    void aPageLimitBelowOneIsRejected() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new LargeDataSetWithPaginationConnector(FAST))
                     .configuration(Map.of("base_url", playground.baseUrl() + "/pokeapi/api/v2", "page_limit", "0"))) {
            tester.sync().assertFailedWith("'page_limit' must be at least 1");
        }
    }

    static ConnectorTester newTester(Playground playground, long initialOffset) {
        return ConnectorTester.of(new LargeDataSetWithPaginationConnector(FAST)).configuration(Map.of(
                "base_url", playground.baseUrl() + "/pokeapi/api/v2",
                "initial_offset", String.valueOf(initialOffset)));
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
