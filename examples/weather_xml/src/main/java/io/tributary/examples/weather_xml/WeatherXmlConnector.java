package io.tributary.examples.weather_xml;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.sdk.http.XmlDocument;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A port of Fivetran's {@code weather_xml_api} quickstart example: the current observation of each configured
 * NOAA weather station, read from {@code /xml/current_obs/{STATION}.xml} and parsed with the toolkit's
 * {@link XmlDocument}. An observation is written once: only when it is newer than {@code last_observation_time}.
 */
public final class WeatherXmlConnector implements Connector {
    static final String DEFAULT_BASE_URL = "https://forecast.weather.gov";
    static final String INITIAL_CURSOR = "1900-01-01T00:00:00Z";
    private static final String USER_AGENT = "Tributary NOAA Weather Connector (contact: developers@example.com)";

    private final RequestPolicy policy;

    public WeatherXmlConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    WeatherXmlConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("weather_observations").primaryKey("station_id", "observation_time_rfc822"),
                Table.named("weather_stations").primaryKey("station_id"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        configuration.require("station_codes");
        List<String> stationCodes = configuration.getList("station_codes").stream()
                .map(code -> code.toUpperCase(Locale.ROOT)).toList();
        HttpApi noaa = HttpApi.builder().baseUrl(configuration.get("base_url", DEFAULT_BASE_URL))
                .policy(policy).userAgent(USER_AGENT).build();
        Log.info("Processing " + stationCodes.size() + " weather stations: " + String.join(", ", stationCodes));

        Instant cursor = Instant.parse(state.getString("last_observation_time", INITIAL_CURSOR));
        Instant latest = cursor;
        for (String stationCode : stationCodes) {
            try {
                Log.info("Requesting weather data for station " + stationCode);
                Map<String, Object> observation = ObservationParser.parse(
                        noaa.get("xml/current_obs/" + stationCode + ".xml").xml());
                operations.upsert("weather_stations", station(observation, stationCode));

                Instant observed = observedAt(observation);
                // Compared as times, not as text: the RFC 822 text starts with the weekday.
                if (observed != null && observed.isAfter(cursor)) {
                    operations.upsert("weather_observations", observation);
                    if (observed.isAfter(latest)) {
                        latest = observed;
                    }
                } else {
                    Log.info("Skipping observation for " + stationCode + " - not newer than cursor");
                }
            } catch (RuntimeException e) {
                Log.severe("Error processing station " + stationCode, e);
                throw e;
            }
        }

        // One cursor for all stations, so one checkpoint at the end, as in the original.
        state.put("last_observation_time", latest.toString());
        operations.checkpoint(state);
        Log.info("Completed sync. New cursor: " + latest);
    }

    /** The station's metadata, with the original's defaults; absent coordinates are left out. */
    private static Map<String, Object> station(Map<String, Object> observation, String stationCode) {
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("station_id", observation.getOrDefault("station_id", stationCode));
        station.put("location", observation.getOrDefault("location", "Unknown"));
        if (observation.containsKey("latitude")) {
            station.put("latitude", observation.get("latitude"));
        }
        if (observation.containsKey("longitude")) {
            station.put("longitude", observation.get("longitude"));
        }
        station.put("credit", observation.getOrDefault("credit", "NOAA's National Weather Service"));
        return station;
    }

    /** {@code observation_time_rfc822}, such as {@code Wed, 01 Jan 2025 23:53:00 +0000}; null when absent or odd. */
    static Instant observedAt(Map<String, Object> observation) {
        Object text = observation.get("observation_time_rfc822");
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse((String) text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            Log.warning("Cannot read observation_time_rfc822 '" + text + "': " + e.getMessage());
            return null;
        }
    }
}
