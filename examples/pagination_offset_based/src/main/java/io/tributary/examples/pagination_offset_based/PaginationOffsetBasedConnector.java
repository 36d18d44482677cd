package io.tributary.examples.pagination_offset_based;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.Request;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;
import java.util.Map;

/**
 * Offset-based pagination: the users updated after {@code last_updated_at}, in ascending {@code updatedAt},
 * are read {@code limit=50} at a time from {@code offset=0}, the offset growing by the records received until
 * it reaches the {@code total} the API reports. Every page is upserted into {@code user},
 * {@code last_updated_at} moves to its last record's {@code updatedAt}, and the connector checkpoints, so a
 * later sync reads only what changed since.
 */
public class PaginationOffsetBasedConnector implements Connector {
    static final String TABLE = "user";
    static final String CURSOR = "last_updated_at";
    /** Where the first sync starts: the beginning of time, so every user is read. */
    static final String BEGINNING = "0001-01-01T00:00:00Z";
    static final String BASE_URL = "base_url";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    static final int LIMIT = 50;
    private static final String PATH = "pagination/offset";

    private final RequestPolicy policy;

    public PaginationOffsetBasedConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    PaginationOffsetBasedConnector(RequestPolicy policy) {
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
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get(BASE_URL, DEFAULT_BASE_URL))
                .policy(policy)
                .build();
        String cursor = state.getString(CURSOR, BEGINNING);
        Log.info("fetching users updated after " + cursor);

        Request first = api.get(PATH)
                .query("order_by", "updatedAt")
                .query("order_type", "asc")
                .query("updated_since", cursor);
        // The offset counts within the filtered list, so a resumed sync (a newer updated_since) starts at 0.
        Paginator pages = Paginator.offset(first, LIMIT).totalAt("/total").records("/data").build();
        for (Page page : pages) {
            if (page.isEmpty()) {
                break; // nothing changed since the cursor
            }
            List<Map<String, Object>> users = page.records();
            Log.info("processing a page of " + users.size() + " users, the first " + users.get(0).get("id"));
            for (Map<String, Object> user : users) {
                operations.upsert(TABLE, user);
                state.put(CURSOR, (String) user.get("updatedAt"));
            }
            operations.checkpoint(state);
        }
    }
}
