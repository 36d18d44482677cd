package io.tributary.examples.pagination_keyset;

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
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;
import java.util.Map;

/**
 * Keyset pagination: the first request asks for the users updated after {@code last_updated_at}; each answer
 * carries a {@code scroll_param} that names the last record sent, and the next request passes it back. The
 * connector upserts every page into {@code user}, moves {@code last_updated_at} to the last record's
 * {@code updatedAt} (the API sends them in ascending order) and checkpoints after each page. A later sync starts
 * from that timestamp, so it reads only the users created or changed since.
 */
public class PaginationKeysetConnector implements Connector {
    static final String TABLE = "user";
    static final String CURSOR = "last_updated_at";
    /** Where the first sync starts: the beginning of time, so every user is read. */
    static final String BEGINNING = "0001-01-01T00:00:00Z";
    static final String BASE_URL = "base_url";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    private static final String PATH = "pagination/keyset";

    private final RequestPolicy policy;

    public PaginationKeysetConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    PaginationKeysetConnector(RequestPolicy policy) {
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

        Paginator pages = Paginator.cursor(api.get(PATH).query("updated_since", cursor), "scroll_param")
                .cursorAt("/scroll_param")
                .records("/data")
                .build();
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
            // The page and the cursor after it commit together, so a resumed sync neither skips nor repeats.
            operations.checkpoint(state);
        }
    }
}
