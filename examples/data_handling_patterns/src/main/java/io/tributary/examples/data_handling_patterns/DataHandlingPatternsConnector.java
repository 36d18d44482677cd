package io.tributary.examples.data_handling_patterns;

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
import java.util.List;
import java.util.Map;

/**
 * Three ways to land nested JSON, each into its own tables, from the same users ({@code /nested/users}):
 * {@link NestedRecords#flattened flattened} into columns ({@code users_flattened}), broken out into a
 * {@link NestedRecords#parent parent} and {@link NestedRecords#children child} table joined by a foreign key
 * ({@code users}, {@code orders}), and kept whole as a {@link NestedRecords#withJsonBlob JSON column}
 * ({@code users_metadata}). Incremental by {@code updatedAt}, checkpointed after each page.
 */
public class DataHandlingPatternsConnector implements Connector {
    static final String CURSOR = "last_updated_at";

    private final RequestPolicy policy;

    public DataHandlingPatternsConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    DataHandlingPatternsConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                // Pattern 1: one nested object (address) becomes columns of the parent row.
                Table.named("users_flattened").primaryKey("id")
                        .column("address_street", DataType.STRING)
                        .column("address_city", DataType.STRING)
                        .column("address_state", DataType.STRING)
                        .column("updated_at", DataType.UTC_DATETIME),
                // Pattern 2: a nested list (orders) becomes a child table that carries the parent's key.
                Table.named("users").primaryKey("user_id")
                        .column("updated_at", DataType.UTC_DATETIME),
                Table.named("orders").primaryKey("order_id")
                        .column("user_id", DataType.STRING)
                        .column("amount", DataType.DOUBLE)
                        .column("placed_at", DataType.UTC_DATETIME),
                // Pattern 3: an object whose shape varies stays one JSON value.
                Table.named("users_metadata").primaryKey("id")
                        .column("metadata", DataType.JSON));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        int pageSize = configuration.getInt("page_size", 50);
        if (pageSize < 1 || pageSize > 1000) {
            throw new ConfigurationException("page_size",
                    "configuration key 'page_size' must be between 1 and 1000, got " + pageSize);
        }
        HttpApi api = HttpApi.builder().baseUrl(configuration.get("base_url", "http://127.0.0.1:5001")).policy(policy).build();
        String since = state.getString(CURSOR, "0001-01-01T00:00:00Z");
        Log.info("fetching users updated after " + since);
        Paginator pages = Paginator.cursor(api.get("nested/users").query("updated_since", since)
                        .query("per_page", pageSize), "updated_since")
                .cursorFromLastRecord("/updatedAt")
                .hasMoreAt("/has_more")
                .records("/data")
                .build();
        for (Page page : pages) {
            for (Map<String, Object> user : page.records()) {
                operations.upsert("users_flattened", NestedRecords.flattened(user));
                operations.upsert("users", NestedRecords.parent(user));
                NestedRecords.children(user).forEach(order -> operations.upsert("orders", order));
                operations.upsert("users_metadata", NestedRecords.withJsonBlob(user));
                state.put(CURSOR, (String) user.get("updatedAt"));
            }
            operations.checkpoint(state);
        }
    }
}
