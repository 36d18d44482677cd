package io.tributary.examples.incremental_sync_strategies;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.JsonRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step-size sync, for APIs that can neither paginate nor count: users are asked for by ranges of their
 * sequential ids, {@code GET /incremental/step?start_id=N&end_id=N+step_size-1}, until a range comes back empty
 * or {@code max_id} is passed. {@code current_id}, the first id not yet read, is checkpointed after each range.
 * Only new ids are seen: a change to a user already read is not.
 *
 * <p>{@code current_id} advances by the number of users a range returned, not by the step as in the original:
 * after a partial last range the original jumps past ids that do not exist yet, and never reads them once they
 * do. With gaps in the ids this reads some users twice, which upserts make harmless; it never skips one.
 */
final class StepSizeSync implements SyncStrategy {
    static final String CURSOR = "current_id";
    static final String INITIAL_ID = "initial_id";
    static final String STEP_SIZE = "step_size";
    static final String MAX_ID = "max_id";
    private static final String PATH = "incremental/step";

    @Override
    public void sync(HttpApi api, Configuration configuration, State state, Operations operations) {
        long initialId = configuration.getLong(INITIAL_ID, 1);
        int stepSize = configuration.getInt(STEP_SIZE, 1000);
        long maxId = configuration.getLong(MAX_ID, 100_000);
        if (stepSize < 1) {
            throw new ConfigurationException(STEP_SIZE,
                    "configuration key '" + STEP_SIZE + "' must be at least 1, got " + stepSize);
        }
        long currentId = state.getLong(CURSOR, initialId);
        while (currentId <= maxId) {
            long endId = currentId + stepSize - 1;
            List<Map<String, Object>> users = range(api, currentId, endId);
            Log.info("ids " + currentId + " to " + endId + ": " + users.size() + " users");
            if (users.isEmpty()) {
                break; // past the newest id
            }
            users.forEach(user -> operations.upsert(TABLE, user));
            currentId += users.size();
            operations.checkpoint(state.put(CURSOR, currentId));
        }
    }

    private static List<Map<String, Object>> range(HttpApi api, long startId, long endId) {
        List<Map<String, Object>> users = new ArrayList<>();
        try (JsonRecords rows = api.get(PATH).query("start_id", startId).query("end_id", endId).send()
                .jsonRecords("/data")) {
            rows.forEach(users::add);
        }
        return users;
    }
}
