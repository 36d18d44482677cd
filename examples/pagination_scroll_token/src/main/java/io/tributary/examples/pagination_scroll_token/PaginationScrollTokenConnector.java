package io.tributary.examples.pagination_scroll_token;

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
 * Scroll-token pagination: the first request opens a scroll over every user; each answer carries an opaque
 * {@code scroll_param} for the next page, and none after the last. Every sync walks the whole data set (there
 * is no filter), upserting into {@code user}. The token of the next page is saved as {@code scroll_token} and
 * checkpointed after each page (and every 25 records within a page), so an interrupted sync resumes where it
 * stopped; once the scroll ends the token is removed, and the next sync opens a new scroll from the start.
 */
public class PaginationScrollTokenConnector implements Connector {
    static final String TABLE = "user";
    static final String SCROLL_TOKEN = "scroll_token";
    static final String BASE_URL = "base_url";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    /** Records per page; blank or absent leaves the page size to the API. */
    static final String PAGE_SIZE = "page_size";
    static final int CHECKPOINT_INTERVAL = 25;
    private static final String PATH = "pagination/scroll_token";

    private final RequestPolicy policy;

    public PaginationScrollTokenConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    PaginationScrollTokenConnector(RequestPolicy policy) {
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
        Integer pageSize = pageSize(configuration);
        String token = state.getString(SCROLL_TOKEN);
        Log.info(token == null ? "opening a new scroll" : "resuming the scroll at the saved token");

        Paginator pages = Paginator.scrollToken(api.get(PATH).query("per_page", pageSize), "scroll_param")
                .cursorAt("/scroll_param")
                .records("/data")
                .startAt(token)
                .build();
        for (Page page : pages) {
            List<Map<String, Object>> users = page.records();
            Log.info("processing a page of " + users.size() + " users");
            for (int i = 0; i < users.size(); i++) {
                operations.upsert(TABLE, users.get(i));
                if ((i + 1) % CHECKPOINT_INTERVAL == 0) {
                    // The state still names this page's token: a resumed sync fetches the page again.
                    operations.checkpoint(state);
                }
            }
            if (page.isLast()) {
                state.remove(SCROLL_TOKEN); // the scroll is done: the next sync starts a new one
            } else {
                state.put(SCROLL_TOKEN, page.nextPosition());
            }
            operations.checkpoint(state);
        }
    }

    private static Integer pageSize(Configuration configuration) {
        if (configuration.get(PAGE_SIZE, "").isBlank()) {
            return null;
        }
        int size = configuration.requireInt(PAGE_SIZE);
        if (size < 1) {
            throw new ConfigurationException(PAGE_SIZE,
                    "configuration key '" + PAGE_SIZE + "' must be at least 1, got " + size);
        }
        return size;
    }
}
