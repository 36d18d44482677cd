package io.tributary.examples.incremental_sync_strategies;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;

/**
 * Three ways to sync only what changed, chosen by the {@code strategy} configuration key: {@code timestamp}
 * ({@link TimestampSync}), {@code step_size} ({@link StepSizeSync}) and {@code replay} ({@link ReplaySync}).
 * All three fill the same {@code user} table; each keeps its own cursor in the state.
 */
public class IncrementalSyncStrategiesConnector implements Connector {
    static final String STRATEGY = "strategy";
    static final String DEFAULT_STRATEGY = "timestamp";
    static final String BASE_URL = "base_url";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";

    private final RequestPolicy policy;

    public IncrementalSyncStrategiesConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    IncrementalSyncStrategiesConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(SyncStrategy.TABLE)
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
        SyncStrategy strategy = strategy(configuration.get(STRATEGY, DEFAULT_STRATEGY).trim());
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get(BASE_URL, DEFAULT_BASE_URL))
                .policy(policy)
                .build();
        Log.info("incremental sync strategy: " + strategy.getClass().getSimpleName());
        strategy.sync(api, configuration, state, operations);
    }

    private static SyncStrategy strategy(String name) {
        switch (name) {
            case "timestamp":
                return new TimestampSync();
            case "step_size":
                return new StepSizeSync();
            case "replay":
                return new ReplaySync();
            case "keyset":
            case "offset":
                throw new ConfigurationException(STRATEGY, "strategy '" + name + "' is shown by the example "
                        + (name.equals("keyset") ? "pagination_keyset" : "pagination_offset_based")
                        + "; this one offers timestamp, step_size and replay");
            default:
                throw new ConfigurationException(STRATEGY, "configuration key '" + STRATEGY
                        + "' must be timestamp, step_size or replay, got \"" + name + "\"");
        }
    }
}
