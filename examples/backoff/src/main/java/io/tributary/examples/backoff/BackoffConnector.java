package io.tributary.examples.backoff;

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
import io.tributary.sdk.http.Sleeper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Syncs the playground's users through {@code /pagination/next_page_url}, retrying failed requests with the backoff
 * strategy that {@code backoff_strategy} names (see {@link BackoffStrategy}). Checkpoints {@code last_updated_at}
 * after each page.
 */
public class BackoffConnector implements Connector {
    static final String TABLE = "user";
    static final String CURSOR = "last_updated_at";
    static final int PER_PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> ROW = new TypeReference<>() {
    };

    private final Sleeper sleeper;
    private final DoubleSupplier random;

    public BackoffConnector() {
        this(Sleeper.SYSTEM, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** For tests: a sleeper that records instead of waiting, and a chosen random source for the jitter. */
    BackoffConnector(Sleeper sleeper, DoubleSupplier random) {
        this.sleeper = sleeper;
        this.random = random;
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
        BackoffStrategy strategy = strategy(configuration);
        int maxAttempts = configuration.getInt("max_attempts", 5);
        if (maxAttempts < 1) {
            throw new ConfigurationException("max_attempts",
                    "configuration key 'max_attempts' must be at least 1, got " + maxAttempts);
        }
        RetryingClient client = new RetryingClient(strategy, maxAttempts, sleeper, random);
        Log.info("backoff strategy '" + strategy.configName() + "', at most " + maxAttempts + " attempts per request");

        String cursor = state.getString(CURSOR, "0001-01-01T00:00:00Z");
        URI next = URI.create(configuration.get("base_url", "http://127.0.0.1:5001").replaceAll("/+$", "")
                + "/pagination/next_page_url?order_by=updatedAt&order_type=asc&per_page=" + PER_PAGE
                + "&updated_since=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        while (next != null) {
            JsonNode page = client.getJson(next);
            for (JsonNode user : page.path("data")) {
                operations.upsert(TABLE, JSON.convertValue(user, ROW));
                state.put(CURSOR, user.get("updatedAt").asText());
            }
            operations.checkpoint(state);
            JsonNode nextUrl = page.path("next_page_url");
            next = nextUrl.isTextual() && !nextUrl.asText().isEmpty() ? URI.create(nextUrl.asText()) : null;
        }
    }

    private static BackoffStrategy strategy(Configuration configuration) {
        String name = configuration.require("backoff_strategy");
        BackoffStrategy strategy = BackoffStrategy.named(name);
        if (strategy == null) {
            throw new ConfigurationException("backoff_strategy", "configuration key 'backoff_strategy' must be one of "
                    + BackoffStrategy.names() + ", got \"" + name + "\"");
        }
        return strategy;
    }
}
