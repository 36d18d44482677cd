package io.tributary.examples.toast;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Port of the Fivetran Connector SDK example {@code toast}: restaurants, their configuration, labor, cash and
 * orders from the Toast POS API, in 30-day windows from {@code initialSyncStart} up to the time the sync
 * started. Deleted records are upserted with their last values, then deleted. State: {@code {"to_ts": end of the
 * last finished window}}, checkpointed after each window.
 */
public class ToastConnector implements Connector {
    private static final DateTimeFormatter ISO = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();
    private final Clock clock;
    private final RequestPolicy policy;

    public ToastConnector() {
        this(Clock.systemUTC(), RequestPolicy.defaults());
    }

    /** For tests: the clock that says when "now" is (the playground's day), and a fast retry policy. */
    ToastConnector(Clock clock, RequestPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return ToastTables.all();
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        ToastClient client = new ToastClient(baseUrl(configuration), configuration.require("clientId"),
                configuration.require("clientSecret"), configuration.get("userAccessType", "TOAST_MACHINE_CLIENT"),
                policy);
        Instant now = clock.instant();
        Instant start = state.has("to_ts") ? parse("to_ts", state.getString("to_ts"))
                : parse("initialSyncStart", configuration.require("initialSyncStart"));
        RestaurantSync restaurants = new RestaurantSync(client, operations);
        boolean firstWindow = true;
        while (true) {
            Window window = Window.startingAt(start, now);
            Log.info("time range is from " + window.from() + " to " + window.to());
            for (Map<String, Object> source : client.restaurants()) {
                String id = String.valueOf(source.get("restaurantGuid"));
                upsertRestaurant(source, operations);
                restaurants.sync(id, window, firstWindow);
            }
            state.put("to_ts", window.to());
            operations.checkpoint(state);
            firstWindow = false;
            if (!window.endsBefore(now)) {
                return;
            }
            start = window.end();
        }
    }

    private static void upsertRestaurant(Map<String, Object> source, Operations operations) {
        Map<String, Object> row = Rows.copy(source);
        row.put("id", row.remove("restaurantGuid"));
        row.put("name", row.remove("restaurantName"));
        operations.upsert("restaurant", row);
        if (Rows.isTrue(row.get("deleted"))) {
            operations.delete("restaurant", Rows.of("id", row.get("id")));
        }
    }

    /** {@code base_url}, else {@code https://<domain>} as in the original. */
    private static String baseUrl(Configuration configuration) {
        String baseUrl = configuration.get("base_url", "");
        return baseUrl.isBlank() ? "https://" + configuration.require("domain") : baseUrl;
    }

    private static Instant parse(String key, String value) {
        try {
            return OffsetDateTime.parse(value.trim(), ISO).toInstant();
        } catch (DateTimeParseException e) {
            throw new ConnectorException(key + " must be an ISO-8601 timestamp with an offset, like"
                    + " 2024-01-01T00:00:00.000Z; got \"" + value + "\"");
        }
    }
}
