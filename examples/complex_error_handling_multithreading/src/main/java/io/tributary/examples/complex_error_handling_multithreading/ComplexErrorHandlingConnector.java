package io.tributary.examples.complex_error_handling_multithreading;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.ParallelFetch;
import io.tributary.sdk.http.Request;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.sdk.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The playground's users fetched page by page by a pool of threads, through a shared {@link CircuitBreaker} and
 * {@link PageFetcher} (retryable errors retried with backoff, fatal ones failing at once), with checkpoints in page
 * order by {@link ParallelFetch}.
 *
 * <p>A pass reads the users updated after {@code last_updated_at}, ordered by creation so that users changing
 * during the pass can only push later pages back (read twice, harmless), never forward (skipped). Before the first
 * page it notes the newest update time, {@code high_water}; the next pass starts there, so a user updated during
 * this pass is read by the next one.
 */
public class ComplexErrorHandlingConnector implements Connector {
    static final String TABLE = "user";
    static final String CURSOR = "last_updated_at";
    static final String HIGH_WATER = "high_water";
    static final String NEXT_PAGE = "next_page";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final Clock clock;
    private final Sleeper sleeper;
    private volatile ErrorStats lastStats;

    public ComplexErrorHandlingConnector() {
        this(Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** For tests: the circuit breaker's clock, and a sleeper that moves it instead of waiting. */
    ComplexErrorHandlingConnector(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
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
    public void update(Configuration configuration, State state, Operations operations) throws InterruptedException {
        int threads = atLeast(configuration, "parallelism", 4, 1);
        int perPage = atLeast(configuration, "per_page", 50, 1);
        ErrorStats stats = new ErrorStats();
        lastStats = stats;
        CircuitBreaker breaker = new CircuitBreaker(atLeast(configuration, "failure_threshold", 5, 1),
                Duration.ofSeconds(atLeast(configuration, "cooldown_seconds", 30, 0)),
                atLeast(configuration, "max_circuit_opens", 3, 1), clock, sleeper);
        // The fetcher retries; the toolkit's own retries are off so that every attempt passes the breaker.
        HttpApi api = HttpApi.builder().baseUrl(configuration.get("base_url", "http://127.0.0.1:5001"))
                .policy(RequestPolicy.builder().maxRetries(0).build()).build();
        PageFetcher fetcher = new PageFetcher(breaker, atLeast(configuration, "max_retries", 3, 0), sleeper, stats);

        try {
            if (!state.has(HIGH_WATER)) {
                String since = state.getString(CURSOR, "0001-01-01T00:00:00Z");
                JsonNode newest = fetcher.fetch(users(api, since, 1, 1).withQuery("order_by", "updatedAt")
                        .withQuery("order_type", "desc")).path("data");
                if (newest.isEmpty()) {
                    Log.info("no user updated after " + since);
                    return;
                }
                state.put(HIGH_WATER, newest.get(0).get("updatedAt").asText()).put(NEXT_PAGE, 1);
            }
            String since = state.getString(CURSOR, "0001-01-01T00:00:00Z");
            Log.info("users updated after " + since + " (up to " + state.getString(HIGH_WATER) + "), from page "
                    + state.getInt(NEXT_PAGE, 1) + ", " + threads + " threads");

            ParallelFetch.withThreads(threads).run(ParallelFetch.pages(state.getInt(NEXT_PAGE, 1)),
                    page -> { // on a pool thread
                        JsonNode users = fetcher.fetch(users(api, since, page, perPage)).path("data");
                        users.forEach(u -> operations.upsert(TABLE, JSON.convertValue(u, ROW)));
                        return users.size();
                    },
                    (page, count) -> { // on this thread, in page order
                        if (count == 0) {
                            return false; // past the last page
                        }
                        operations.checkpoint(state.put(NEXT_PAGE, page + 1));
                        return true;
                    });
            // The pass is complete: the next one starts at the newest update seen before it began.
            operations.checkpoint(state.put(CURSOR, state.getString(HIGH_WATER)).remove(HIGH_WATER).remove(NEXT_PAGE));
        } finally {
            Log.info("errors: " + stats + "; circuit breaker opened " + breaker.opens() + " times");
        }
    }

    private static Request users(HttpApi api, String since, int page, int perPage) {
        return api.get("pagination/page_number").query("updated_since", since).query("order_by", "createdAt")
                .query("order_type", "asc").query("page", page).query("per_page", perPage);
    }

    /** What went wrong in the last sync this instance ran; for tests and logs. */
    ErrorStats lastStats() {
        return lastStats;
    }

    private static int atLeast(Configuration configuration, String key, int defaultValue, int min) {
        int value = configuration.getInt(key, defaultValue);
        if (value < min) {
            throw new ConfigurationException(key, "configuration key '" + key + "' must be at least " + min + ", got " + value);
        }
        return value;
    }
}
