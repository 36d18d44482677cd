package io.tributary.examples.weather;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.RequestPolicy;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code weather_with_configuration} quickstart example: for each configured ZIP code, its
 * place from Zippopotam.us and the NWS forecast periods for its coordinates. Periods that start before the
 * cursor ({@code startTime} in the state) were synced before and are skipped.
 */
public final class WeatherConnector implements Connector {
    static final String INITIAL_CURSOR = "0001-01-01T00:00:00Z";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final RequestPolicy policy;

    public WeatherConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    WeatherConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named("forecast").primaryKey("startTime", "zip_code"),
                Table.named("zip_code").primaryKey("zip_code"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        configuration.require("zip_codes");
        List<String> zipCodes = configuration.getList("zip_codes");
        WeatherApis apis = new WeatherApis(configuration, policy);
        String cursor = state.getString("startTime", INITIAL_CURSOR);
        OffsetDateTime since = OffsetDateTime.parse(cursor);
        String nextCursor = cursor;

        for (String zipCode : zipCodes) {
            try {
                JsonNode place = apis.place(zipCode);
                Map<String, Object> zipRow = JSON.convertValue(place, ROW);
                zipRow.put("zip_code", zipCode);
                operations.upsert("zip_code", zipRow);

                JsonNode periods = apis.forecastPeriods(place.path("latitude").asText(),
                        place.path("longitude").asText());
                Log.info("number of forecast_periods=" + periods.size() + " for ZIP code " + zipCode);
                for (JsonNode period : periods) {
                    // Skip periods synced before: they start before the end of the last period seen then.
                    if (OffsetDateTime.parse(period.path("startTime").asText()).isBefore(since)) {
                        continue;
                    }
                    Map<String, Object> row = JSON.convertValue(period, ROW);
                    row.put("zip_code", zipCode);
                    operations.upsert("forecast", row);
                }
                nextCursor = latest(nextCursor, periods);
            } catch (RuntimeException e) {
                Log.severe("Unexpected error occurred while processing ZIP code " + zipCode, e);
                throw e;
            }
        }

        // One cursor for every ZIP code, so one checkpoint at the end: checkpointing after the first ZIP code
        // would make a resumed sync skip the others' periods.
        state.put("startTime", nextCursor);
        operations.checkpoint(state);
    }

    /** The later of the cursor and the greatest {@code endTime} of these periods, as the API wrote it. */
    private static String latest(String cursor, JsonNode periods) {
        String latest = cursor;
        for (JsonNode period : periods) {
            String end = period.path("endTime").asText();
            if (OffsetDateTime.parse(end).isAfter(OffsetDateTime.parse(latest))) {
                latest = end;
            }
        }
        return latest;
    }
}
