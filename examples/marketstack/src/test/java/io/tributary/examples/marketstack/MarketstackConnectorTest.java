package io.tributary.examples.marketstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.playground.Playground;
import io.tributary.sdk.State;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MarketstackConnectorTest {
    static final List<String> TICKERS = List.of("AAPL", "MSFT", "GOOG", "INTC");
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /** 17 % of attempts fail; the decision seed makes these few requests meet every kind of fault. */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:15";

    @Test
    void firstSyncReadsFifteenDaysAndLaterSyncsTheDaysSince() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground)) {
            MarketstackSource source = new MarketstackSource(playground);
            SyncOutcome first = tester.sync().assertSucceeded();

            // Day 0 is Wednesday 2025-01-01: the window is 2024-12-17 to 2025-01-01, 12 weekdays.
            assertThat(first.counters().upserts()).isEqualTo(4 * 12);
            assertThat(first.counters().checkpoints()).as("one per ticker").isEqualTo(4);
            for (String ticker : TICKERS) {
                assertThat(warehouse(tester, ticker)).isEqualTo(expected(source.prices(ticker, "2024-12-17",
                        "2025-01-01")));
            }
            assertThat(tester.rows("tickers_price")).allSatisfy(row -> assertThat(row)
                    .containsEntry("exchange", "XNAS").containsEntry("_fivetran_deleted", false));
            assertThat(tester.state()).isEqualTo(window(0, "2025-01-02", "2025-01-01"));

            playground.nextDay();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(4);
            assertThat(tester.query("SELECT date FROM tester.tickers_price WHERE symbol = 'AAPL' ORDER BY date DESC "
                    + "LIMIT 1")).containsExactly(Map.of("date", "2025-01-02T00:00:00+0000"));
            assertThat(tester.state()).isEqualTo(window(0, "2025-01-03", "2025-01-02"));

            // Saturday: Friday's prices. Sunday: nothing new, and the state stays.
            playground.setDay(3);
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(4);
            assertThat(tester.state()).isEqualTo(window(0, "2025-01-04", "2025-01-03"));
            playground.setDay(4);
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
            assertThat(tester.state()).isEqualTo(window(0, "2025-01-04", "2025-01-03"));

            for (String ticker : TICKERS) {
                assertThat(warehouse(tester, ticker)).isEqualTo(expected(source.prices(ticker, "2024-12-17",
                        "2025-01-05")));
            }
            assertThat(tester.query("SELECT count(*) AS n, count(DISTINCT (symbol, date)) AS keys "
                    + "FROM tester.tickers_price")).containsExactly(Map.of("n", 4L * 14, "keys", 4L * 14));
        }
    }

    @Test
    void aSyncThatStopsPartWayResumesAtTheNextTickerOfTheSameWindow() throws Exception {
        // Three requests an hour on a clock that only the rate limiter's waits move: the first sync stops when
        // its fourth request (GOOG, after the latest-date lookup, AAPL and MSFT) would have to wait.
        FakeClock clock = new FakeClock(Instant.parse("2025-01-01T12:00:00Z"));
        AtomicBoolean stopWhenLimited = new AtomicBoolean(true);
        RequestPolicy limited = FAST.toBuilder().rateLimit(0, 3).clock(clock).sleeper(wait -> {
            if (stopWhenLimited.get()) {
                throw new IllegalStateException("stopped by the test at the rate limit");
            }
            clock.advance(wait);
        }).build();
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new MarketstackConnector(limited))
                     .configuration(configuration(playground, String.join(",", TICKERS)))) {
            tester.sync().assertFailedWith("stopped by the test at the rate limit");
            assertThat(tester.state()).isEqualTo(window(2, "2024-12-17", "2025-01-01"));
            assertThat(tester.query("SELECT DISTINCT symbol FROM tester.tickers_price ORDER BY symbol"))
                    .containsExactly(Map.of("symbol", "AAPL"), Map.of("symbol", "MSFT"));

            playground.nextDay();
            stopWhenLimited.set(false);
            SyncOutcome resumed = tester.sync().assertSucceeded();

            // GOOG and INTC over the saved window, which still ends on day 0; then the window closes.
            assertThat(resumed.counters().upserts()).isEqualTo(2 * 12);
            assertThat(tester.state()).isEqualTo(window(0, "2025-01-02", "2025-01-01"));
            tester.sync().assertSucceeded();
            assertThat(tester.state()).isEqualTo(window(0, "2025-01-03", "2025-01-02"));
            MarketstackSource source = new MarketstackSource(playground);
            for (String ticker : TICKERS) {
                assertThat(warehouse(tester, ticker)).isEqualTo(expected(source.prices(ticker, "2024-12-17",
                        "2025-01-02")));
            }
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        try (Playground clean = Playground.start(0); Playground faulty = Playground.start(0);
             ConnectorTester expected = newTester(clean); ConnectorTester actual = newTester(faulty)) {
            faulty.setFaults(FAULTS);
            // A week: weekdays with new prices, and a weekend without.
            for (int day = 0; day <= 6; day++) {
                clean.setDay(day);
                faulty.setDay(day);
                expected.sync().assertSucceeded();
                actual.sync().assertSucceeded(); // the toolkit retries every injected fault
                assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
            }
            assertThat(faulty.injectedFaults()).allSatisfy((kind, count) -> {
                if (!kind.equals("latency")) {
                    assertThat(count).as(kind).isPositive();
                }
            });
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aWrongApiKeyFailsTheSyncWithoutShowingTheKey() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new MarketstackConnector(FAST)).configuration(Map.of(
                     "apiKey", "not-the-key", "base_url", playground.baseUrl() + "/marketstack/v1"))) {
            SyncOutcome outcome = tester.sync().assertFailedWith("invalid_access_key");
            assertThat(outcome.error()).contains("access_key=***").doesNotContain("not-the-key");
        }
    }

    static ConnectorTester newTester(Playground playground) {
        return newTester(playground, String.join(",", TICKERS));
    }

    static ConnectorTester newTester(Playground playground, String tickers) {
        return ConnectorTester.of(new MarketstackConnector(FAST)).configuration(configuration(playground, tickers));
    }

    private static Map<String, String> configuration(Playground playground, String tickers) {
        return Map.of("apiKey", "playground-api-key", "base_url", playground.baseUrl() + "/marketstack/v1",
                "tickers", tickers);
    }

    private static State window(int offset, String start, String end) {
        return State.empty().put("ticker_offset", offset).put("ticker_start_cursor", start)
                .put("ticker_end_cursor", end);
    }

    /** (date, open, high, low, close, volume, adj_close) of a ticker, oldest first. */
    private static List<List<Object>> warehouse(ConnectorTester tester, String ticker) {
        return tester.query("SELECT * FROM tester.tickers_price WHERE symbol = '" + ticker + "' ORDER BY date")
                .stream()
                .map(r -> List.of(r.get("date"), r.get("open"), r.get("high"), r.get("low"), r.get("close"),
                        r.get("volume"), r.get("adj_close")))
                .toList();
    }

    private static List<List<Object>> expected(List<JsonNode> prices) {
        return prices.stream()
                .map(p -> List.<Object>of(p.get("date").asText(), p.get("open").asDouble(), p.get("high").asDouble(),
                        p.get("low").asDouble(), p.get("close").asDouble(), p.get("volume").asDouble(),
                        p.get("adj_close").asDouble()))
                .toList();
    }
}
