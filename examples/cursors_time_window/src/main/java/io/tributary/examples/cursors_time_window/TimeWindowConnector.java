package io.tributary.examples.cursors_time_window;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A time-window cursor: the source is asked for one bounded window of update times after another,
 * {@code (from, to]}, each at most {@code days_per_window} days long, from {@code initial_sync_start} (or the last
 * window's end) up to the moment the sync started. {@code to_timestamp}, how far the windows have been read, is
 * checkpointed after each page and each window, so a long first sync resumes where it stopped, and a later sync
 * reads only the time since.
 */
public class TimeWindowConnector implements Connector {
    static final String TABLE = "user";
    static final String CURSOR = "to_timestamp";
    static final String DEFAULT_INITIAL_SYNC_START = "2024-06-01T00:00:00Z";

    private final Clock clock;
    private final RequestPolicy policy;

    public TimeWindowConnector() {
        this(Clock.systemUTC(), RequestPolicy.defaults());
    }

    /** For tests: the clock that says when a sync starts, and a policy with short backoff. */
    TimeWindowConnector(Clock clock, RequestPolicy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("address", DataType.STRING)
                .column("company", DataType.STRING)
                .column("job", DataType.STRING)
                .column("updatedAt", DataType.UTC_DATETIME)
                .column("createdAt", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        // The sync's start bounds the last window: records updated after it wait for the next sync.
        Instant syncStart = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Duration window = Duration.ofDays(positive(configuration, "days_per_window", 30));
        int pageSize = positive(configuration, "page_size", 100);
        Instant from = state.has(CURSOR)
                ? Instant.parse(state.getString(CURSOR))
                : instant(configuration, "initial_sync_start", DEFAULT_INITIAL_SYNC_START);
        HttpApi api = HttpApi.builder().baseUrl(configuration.get("base_url", "http://127.0.0.1:5001")).policy(policy).build();

        Log.fine("from " + from + " in windows of " + window.toDays() + " days, until " + syncStart);
        while (from.isBefore(syncStart)) {
            Instant to = from.plus(window).isBefore(syncStart) ? from.plus(window) : syncStart;
            int users = syncWindow(api, from, to, pageSize, state, operations);
            Log.info("window (" + from + ", " + to + "]: " + users + " users");
            operations.checkpoint(state.put(CURSOR, to.toString()));
            from = to;
        }
    }

    /**
     * Upserts every user updated in {@code (from, to]}. Pages are asked for by the last {@code updatedAt} read, not
     * by offset: a user updated while the window is read leaves it, and with offsets the page after would skip
     * the user that moved into its place. Checkpoints that position after each page, so a stop mid-window
     * resumes there.
     */
    private static int syncWindow(HttpApi api, Instant from, Instant to, int pageSize, State state,
                                  Operations operations) {
        Paginator pages = Paginator.cursor(api.get("cursors/time_window")
                        .query("from", from.toString()).query("to", to.toString()).query("limit", pageSize), "from")
                .cursorFromLastRecord("/updatedAt")
                .records("/data")
                .build();
        int count = 0;
        for (Page page : pages) {
            if (page.isEmpty()) {
                break;
            }
            for (Map<String, Object> user : page.records()) {
                operations.upsert(TABLE, user);
                count++;
            }
            // Updated users come oldest first, so everything up to the last one's update time is read.
            operations.checkpoint(state.put(CURSOR, (String) page.records().get(page.records().size() - 1).get("updatedAt")));
        }
        return count;
    }

    private static int positive(Configuration configuration, String key, int defaultValue) {
        int value = configuration.getInt(key, defaultValue);
        if (value < 1) {
            throw new ConfigurationException(key, "configuration key '" + key + "' must be at least 1, got " + value);
        }
        return value;
    }

    private static Instant instant(Configuration configuration, String key, String defaultValue) {
        String value = configuration.get(key, defaultValue).trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(key, "configuration key '" + key
                    + "' must be an ISO-8601 UTC timestamp such as 2024-06-01T00:00:00Z, got \"" + value + "\"");
        }
    }
}
