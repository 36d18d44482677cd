package io.tributary.examples.weather_xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeatherXmlConnectorTest {
    static final String STATIONS = "KOAK, kjfk, KLAX";
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /** 17 % of attempts fail; the decision seed makes these few requests meet every kind of fault. */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:21";
    /** Six stations over five days, so that the fault test makes enough requests. */
    static final String ALL_STATIONS = "KOAK,KJFK,KLAX,KSFO,KORD,KSEA";

    @Test
    void firstSyncWritesEachStationsObservationAndLaterSyncsOnlyNewerOnes() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, STATIONS)) {
            NoaaSource source = new NoaaSource(playground);
            tester.sync().assertSucceeded();

            assertThat(tester.query("SELECT station_id, location, latitude, longitude, credit "
                    + "FROM tester.weather_stations ORDER BY station_id")).containsExactly(
                    station("KJFK", "New York, Kennedy International Airport, NY", 40.64, -73.76),
                    station("KLAX", "Los Angeles International Airport, CA", 33.94, -118.39),
                    station("KOAK", "Oakland, Metropolitan Oakland International Airport, CA", 37.72, -122.22));
            assertThat(tester.rows("weather_observations")).hasSize(3)
                    .allSatisfy(row -> assertThat(row).containsEntry("observation_time_rfc_822",
                            "Wed, 01 Jan 2025 23:53:00 +0000").containsEntry("_fivetran_deleted", false));
            for (String station : List.of("KOAK", "KJFK", "KLAX")) {
                assertThat(observation(tester, station)).isEqualTo(expected(source.observation(station)));
            }
            assertThat(tester.state().getString("last_observation_time")).isEqualTo("2025-01-01T23:53:00Z");

            // The same observations again: only the stations are written.
            SyncOutcome again = tester.sync().assertSucceeded();
            assertThat(again.counters().upserts()).isEqualTo(3);
            assertThat(tester.rows("weather_observations")).hasSize(3);

            playground.nextDay();
            SyncOutcome nextDay = tester.sync().assertSucceeded();

            assertThat(nextDay.counters().upserts()).isEqualTo(3 + 3);
            assertThat(tester.rows("weather_observations")).hasSize(6);
            assertThat(tester.query("SELECT observation_time_rfc_822 AS t, count(*) AS n FROM tester.weather_observations"
                    + " GROUP BY t ORDER BY t")).containsExactly(
                    Map.of("t", "Thu, 02 Jan 2025 23:53:00 +0000", "n", 3L),
                    Map.of("t", "Wed, 01 Jan 2025 23:53:00 +0000", "n", 3L));
            for (String station : List.of("KOAK", "KJFK", "KLAX")) {
                assertThat(observation(tester, station)).isEqualTo(expected(source.observation(station)));
            }
            assertThat(tester.rows("weather_stations")).hasSize(3);
            assertThat(tester.state().getString("last_observation_time")).isEqualTo("2025-01-02T23:53:00Z");
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        try (Playground clean = Playground.start(0); Playground faulty = Playground.start(0);
             ConnectorTester expected = newTester(clean, ALL_STATIONS);
             ConnectorTester actual = newTester(faulty, ALL_STATIONS)) {
            faulty.setFaults(FAULTS);
            for (int day = 0; day <= 4; day++) {
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
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, STATIONS)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void anUnknownStationFailsTheSync() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, "KOAK,KX")) {
            tester.sync().assertFailedWith("xml/current_obs/KX.xml answered HTTP 404");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void theStationCodesAreRequired() {
        try (ConnectorTester tester = ConnectorTester.of(new WeatherXmlConnector(FAST)).configuration(Map.of())) {
            tester.sync().assertFailedWith("'station_codes'");
        }
    }

    static ConnectorTester newTester(Playground playground, String stations) {
        return ConnectorTester.of(new WeatherXmlConnector(FAST)).configuration(Map.of(
                "station_codes", stations, "base_url", playground.baseUrl() + "/noaa"));
    }

    private static Map<String, Object> station(String id, String location, double latitude, double longitude) {
        return Map.of("station_id", id, "location", location, "latitude", latitude, "longitude", longitude,
                "credit", "NOAA's National Weather Service");
    }

    /** The station's latest observation in the warehouse, without the system columns. */
    private static Map<String, Object> observation(ConnectorTester tester, String station) {
        // The newest first: on day 1 the Thursday observation sorts before Wednesday's.
        return tester.query("SELECT * EXCLUDE (_fivetran_synced, _fivetran_deleted) FROM "
                + "tester.weather_observations WHERE station_id = '" + station
                + "' ORDER BY observation_time_rfc_822 LIKE 'Wed%'").get(0);
    }

    /**
     * What the warehouse should hold for an observation: every element, numbers as numbers, names as the naming
     * rules write them (credit_URL becomes credit_url, observation_time_rfc822 observation_time_rfc_822).
     */
    private static Map<String, Object> expected(Map<String, String> xml) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        xml.forEach((name, text) -> {
            Object value = text;
            if (name.equals("relative_humidity") || name.equals("wind_degrees")) {
                value = Integer.parseInt(text);
            } else if (List.of("latitude", "longitude", "temp_f", "temp_c", "wind_mph", "wind_kt", "pressure_mb",
                    "pressure_in", "dewpoint_f", "dewpoint_c", "visibility_mi").contains(name)) {
                value = Double.parseDouble(text);
            }
            out.put(name.equals("credit_URL") ? "credit_url"
                    : name.equals("observation_time_rfc822") ? "observation_time_rfc_822" : name, value);
        });
        return out;
    }
}
