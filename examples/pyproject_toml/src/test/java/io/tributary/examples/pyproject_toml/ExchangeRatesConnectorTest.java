package io.tributary.examples.pyproject_toml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeRatesConnectorTest {
    /** The original's attempt budget (3) with millisecond backoffs. */
    private static final RequestPolicy FAST = ExchangeRatesConnector.ORIGINAL_RETRIES.toBuilder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(10)).build();
    /** Every first and second attempt fails (the playground's max is 2 in a row); the third is clean. */
    private static final String FAULTS = "429:0.3:0,500:0.3,503:0.2,reset:0.1,truncate:0.1";

    private Playground playground;

    @BeforeEach
    void start() {
        playground = Playground.start(0);
    }

    @AfterEach
    void stop() {
        playground.close();
    }

    @Test
    void oneRowPerPublicationDateWithTheApisRate() throws Exception {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.sync().assertSucceeded();
            assertThat(rows(tester)).containsExactly(expectedRow());
            assertThat(rows(tester).get(0).get(0)).isEqualTo(LocalDate.of(2025, 1, 1));
            assertThat(tester.state().isEmpty()).isTrue();

            // Thursday and Friday publish new rates; Saturday (day 3) and Sunday show Friday's again.
            for (int day = 1; day <= 4; day++) {
                playground.setDay(day);
                assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(1);
            }
            assertThat(rows(tester)).hasSize(3).last().isEqualTo(expectedRow());
            assertThat(rows(tester)).extracting(r -> r.get(0)).containsExactly(
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 3));
        }
    }

    @Test
    void threeAttemptsGetPastTwoInjectedFaultsAndLandTheSameRows() {
        Map<String, Object> clean;
        try (ConnectorTester tester = newTester(Map.of())) {
            for (int day = 0; day <= 2; day++) {
                playground.setDay(day);
                tester.sync().assertSucceeded();
            }
            clean = tester.snapshot();
        }
        playground.setFaults(FAULTS);
        try (ConnectorTester tester = newTester(Map.of())) {
            for (int day = 0; day <= 2; day++) {
                playground.setDay(day);
                tester.sync().assertSucceeded(); // attempts 1 and 2 fail, attempt 3 succeeds
            }
            assertThat(tester.snapshot()).isEqualTo(clean);
        }
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
    }

    @Test
    void givesUpAfterThreeAttemptsAndKeepsEarlierRows() {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            playground.setDay(1);
            playground.setFaults("500:1,max:10");
            tester.sync().assertFailedWith("failed to fetch exchange rates after 3 attempts")
                    .assertFailedWith("answered HTTP 500");
            assertThat(playground.injectedFaults()).containsEntry("500", 3L);
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void anUnknownCurrencyNamesTheKeysToFix() {
        try (ConnectorTester tester = newTester(Map.of("to_currency", "XYZ"))) {
            tester.sync().assertFailedWith("no exchange rate for USD -> XYZ (HTTP 404); check from_currency and "
                    + "to_currency");
            assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isZero();
        }
        try (ConnectorTester tester = ConnectorTester.of(new ExchangeRatesConnector(FAST))
                .configuration(Map.of("from_currency", "USD", "base_url", playground.baseUrl() + "/frankfurter"))) {
            tester.sync().assertFailedWith("configuration key 'to_currency' is required");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester(Map.of())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private ConnectorTester newTester(Map<String, String> overrides) {
        Map<String, String> config = new java.util.HashMap<>(Map.of("from_currency", "USD", "to_currency", "INR",
                "base_url", playground.baseUrl() + "/frankfurter"));
        config.putAll(overrides);
        return ConnectorTester.of(new ExchangeRatesConnector(FAST)).configuration(config);
    }

    /** Today's USD -> INR as (date, from, to, rate at scale 6), read from the API past any faults. */
    private List<Object> expectedRow() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        playground.uri("/frankfurter/v2/rates/latest?base=USD&quotes=INR&fault=none")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode r = new ObjectMapper().readTree(response.body()).get(0);
        return List.of(LocalDate.parse(r.get("date").asText()), r.get("base").asText(), r.get("quote").asText(),
                new BigDecimal(r.get("rate").asText()).setScale(6, RoundingMode.HALF_UP));
    }

    private static List<List<Object>> rows(ConnectorTester tester) {
        return tester.query("SELECT date, from_currency, to_currency, rate FROM tester.exchange_rates "
                        + "WHERE NOT _fivetran_deleted ORDER BY date").stream()
                .map(r -> List.of(r.get("date"), r.get("from_currency"), r.get("to_currency"), r.get("rate")))
                .toList();
    }
}
