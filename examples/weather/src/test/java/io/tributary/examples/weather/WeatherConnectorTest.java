package io.tributary.examples.weather;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeatherConnectorTest {
    static final String ZIP_CODES = "94612, 10001, 28401";
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /** 17 % of attempts fail; the decision seed makes these few requests meet every kind of fault. */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:10";

    @Test
    void firstSyncLoadsTwoWeeksOfPeriodsAndTheNextDayOnlyTheNewOnes() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, ZIP_CODES)) {
            WeatherSource source = new WeatherSource(playground);
            tester.sync().assertSucceeded();

            assertThat(tester.query("SELECT zip_code, place_name, state, state_abbreviation, latitude, longitude "
                    + "FROM tester.zip_code ORDER BY zip_code")).containsExactly(
                    zip("10001", "New York City", "New York", "NY", "40.7484", "-73.9967"),
                    zip("28401", "Wilmington", "North Carolina", "NC", "34.2257", "-77.9447"),
                    zip("94612", "Oakland", "California", "CA", "37.8111", "-122.2711"));
            assertThat(tester.rows("forecast")).hasSize(3 * 14)
                    .allSatisfy(row -> assertThat(row).containsEntry("_fivetran_deleted", false));
            for (String zipCode : List.of("94612", "10001", "28401")) {
                assertThat(warehousePeriods(tester, zipCode)).isEqualTo(expectedPeriods(source.periods(zipCode)));
            }
            assertThat(startTimes(tester, "94612")).first().isEqualTo("2025-01-01T06:00:00+00:00");
            assertThat(startTimes(tester, "94612")).last().isEqualTo("2025-01-07T18:00:00+00:00");
            // The cursor is the end of the last period read.
            assertThat(tester.state().getString("startTime")).isEqualTo("2025-01-08T06:00:00+00:00");
            List<List<Object>> dayZero = warehousePeriods(tester, "94612");

            playground.nextDay();
            SyncOutcome second = tester.sync().assertSucceeded();

            // Three ZIP codes again, and per ZIP code the two periods that start at or after the cursor.
            assertThat(second.counters().upserts()).isEqualTo(3 + 3 * 2);
            assertThat(tester.rows("forecast")).hasSize(3 * 16);
            assertThat(startTimes(tester, "94612")).endsWith("2025-01-07T18:00:00+00:00",
                    "2025-01-08T06:00:00+00:00", "2025-01-08T18:00:00+00:00");
            assertThat(warehousePeriods(tester, "94612")).startsWith(dayZero.toArray(List[]::new));
            assertThat(warehousePeriods(tester, "94612")).endsWith(
                    expectedPeriods(source.periods("94612")).subList(12, 14).toArray(List[]::new));
            assertThat(tester.query("SELECT count(DISTINCT (start_time, zip_code)) AS n FROM tester.forecast"))
                    .containsExactly(Map.of("n", 48L));
            assertThat(tester.state().getString("startTime")).isEqualTo("2025-01-09T06:00:00+00:00");

            // Same day again: only the ZIP codes are written; no period starts at or after the cursor.
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(3);
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        try (Playground clean = Playground.start(0); Playground faulty = Playground.start(0);
             ConnectorTester expected = newTester(clean, ZIP_CODES);
             ConnectorTester actual = newTester(faulty, ZIP_CODES)) {
            faulty.setFaults(FAULTS);
            for (int day = 0; day <= 3; day++) {
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
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, ZIP_CODES)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aZipCodeAddedLaterGetsOnlyThePeriodsAfterTheSharedCursor() {
        try (Playground playground = Playground.start(0)) {
            try (ConnectorTester tester = newTester(playground, "94612")) {
                tester.sync().assertSucceeded();
                playground.nextDay();
                tester.configuration(Map.of("zip_codes", "94612,10001",
                        "zippopotam_base_url", playground.baseUrl() + "/zippopotam",
                        "nws_base_url", playground.baseUrl() + "/nws"));
                tester.sync().assertSucceeded();

                // As in the original: one cursor for all ZIP codes, so the new one starts where the others are.
                assertThat(startTimes(tester, "10001"))
                        .containsExactly("2025-01-08T06:00:00+00:00", "2025-01-08T18:00:00+00:00");
                assertThat(startTimes(tester, "94612")).hasSize(16);
            }
        }
    }

    @Test
    void anUnknownZipCodeFailsTheSync() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, "94612,9461")) {
            tester.sync().assertFailedWith("zippopotam/us/9461 answered HTTP 404");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void theZipCodesAreRequired() {
        try (ConnectorTester tester = ConnectorTester.of(new WeatherConnector(FAST)).configuration(Map.of())) {
            tester.sync().assertFailedWith("'zip_codes'");
        }
    }

    static ConnectorTester newTester(Playground playground, String zipCodes) {
        return ConnectorTester.of(new WeatherConnector(FAST)).configuration(Map.of(
                "zip_codes", zipCodes,
                "zippopotam_base_url", playground.baseUrl() + "/zippopotam",
                "nws_base_url", playground.baseUrl() + "/nws"));
    }

    private static Map<String, Object> zip(String zip, String place, String state, String abbreviation,
                                           String latitude, String longitude) {
        return Map.of("zip_code", zip, "place_name", place, "state", state, "state_abbreviation", abbreviation,
                "latitude", latitude, "longitude", longitude);
    }

    private static List<Object> startTimes(ConnectorTester tester, String zipCode) {
        return tester.query("SELECT start_time FROM tester.forecast WHERE zip_code = '" + zipCode
                + "' ORDER BY start_time").stream().map(r -> r.get("start_time")).toList();
    }

    /** (start, end, name, daytime, temperature, short forecast, wind) of a ZIP code's periods, by start time. */
    private static List<List<Object>> warehousePeriods(ConnectorTester tester, String zipCode) {
        return tester.query("SELECT * FROM tester.forecast WHERE zip_code = '" + zipCode + "' ORDER BY start_time")
                .stream()
                .map(r -> List.of(r.get("start_time"), r.get("end_time"), r.get("name"), r.get("is_daytime"),
                        r.get("temperature"), r.get("short_forecast"), r.get("wind_speed")))
                .toList();
    }

    private static List<List<Object>> expectedPeriods(List<JsonNode> periods) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode p : periods) {
            out.add(List.of(p.get("startTime").asText(), p.get("endTime").asText(), p.get("name").asText(),
                    p.get("isDaytime").asBoolean(), p.get("temperature").asInt(), p.get("shortForecast").asText(),
                    p.get("windSpeed").asText()));
        }
        return out;
    }
}
