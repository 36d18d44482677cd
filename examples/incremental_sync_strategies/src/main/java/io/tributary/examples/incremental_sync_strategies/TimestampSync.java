package io.tributary.examples.incremental_sync_strategies;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import java.util.Map;

/**
 * Timestamp sync: {@code GET /incremental/timestamp?since=<last_timestamp>} returns the users updated strictly
 * after it, oldest first, a page at a time; the next page asks from the last record's {@code updatedAt}, until
 * a page comes back empty. {@code last_timestamp} follows the records and is checkpointed after each page.
 */
final class TimestampSync implements SyncStrategy {
    static final String CURSOR = "last_timestamp";
    /** Where the first sync starts: the beginning of time, so every user is read. */
    static final String BEGINNING = "0001-01-01T00:00:00Z";
    private static final String PATH = "incremental/timestamp";

    @Override
    public void sync(HttpApi api, Configuration configuration, State state, Operations operations) {
        syncFrom(state.getString(CURSOR, BEGINNING), api, state, operations);
    }

    /** Reads the users updated after {@code since}, moving {@code last_timestamp} with them. */
    static void syncFrom(String since, HttpApi api, State state, Operations operations) {
        Log.info("fetching users updated after " + since);
        Paginator pages = Paginator.cursor(api.get(PATH).query("since", since), "since")
                .cursorFromLastRecord("/updatedAt")
                .records("/data")
                .build();
        for (Page page : pages) {
            if (page.isEmpty()) {
                break; // caught up
            }
            for (Map<String, Object> user : page.records()) {
                operations.upsert(TABLE, user);
                // The API sends users in ascending updatedAt, so the last one read is the newest.
                state.put(CURSOR, (String) user.get("updatedAt"));
            }
            operations.checkpoint(state);
        }
    }
}
