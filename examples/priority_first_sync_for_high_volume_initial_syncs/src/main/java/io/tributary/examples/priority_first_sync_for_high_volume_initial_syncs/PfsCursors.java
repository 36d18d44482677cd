package io.tributary.examples.priority_first_sync_for_high_volume_initial_syncs;

import io.tributary.sdk.State;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The priority-first-sync cursors, kept in the state as in the Python original:
 *
 * <pre>{@code
 * {"pfs_cursors": {"user": {"incremental_cursor": "...", "historical_cursor": "...", "historical_limit": "..."},
 *                  "customer": {...},
 *                  "is_incremental_sync": true}}
 * }</pre>
 *
 * The incremental cursor moves forward through new data; the historical cursor moves back from where the first
 * sync started towards the historical limit. History is complete when it reaches the limit.
 */
final class PfsCursors {
    static final String PFS_CURSORS = "pfs_cursors";
    static final String INCREMENTAL_SYNC_CURSOR = "incremental_cursor";
    static final String HISTORICAL_SYNC_CURSOR = "historical_cursor";
    static final String HISTORICAL_SYNC_LIMIT = "historical_limit";
    static final String IS_INCREMENTAL_SYNC = "is_incremental_sync";
    /** The first sync reads this much recent data. */
    static final Duration RECENT = Duration.ofDays(1);
    /** How far back history goes; a real connector might go back to the epoch. */
    static final Duration HISTORY = Duration.ofDays(5);

    private final State cursors;

    /** The cursors inside {@code state}: changes here change {@code state}. */
    PfsCursors(State state) {
        this.cursors = state.getObject(PFS_CURSORS);
    }

    /** Starts cursors for endpoints that have none: recent data from {@code now - 1 day}, history back to {@code now - 5 days}. */
    void initialize(List<String> endpoints, Instant now) {
        for (String endpoint : endpoints) {
            if (!cursors.has(endpoint)) {
                String recentStart = now.minus(RECENT).toString();
                cursors.getObject(endpoint)
                        .put(INCREMENTAL_SYNC_CURSOR, recentStart)
                        .put(HISTORICAL_SYNC_CURSOR, recentStart)
                        .put(HISTORICAL_SYNC_LIMIT, now.minus(HISTORY).toString());
            }
        }
        if (!cursors.has(IS_INCREMENTAL_SYNC)) {
            setIncrementalSync(true);
        }
    }

    boolean isIncrementalSync() {
        return cursors.getBoolean(IS_INCREMENTAL_SYNC, true);
    }

    void setIncrementalSync(boolean incremental) {
        cursors.put(IS_INCREMENTAL_SYNC, incremental);
    }

    boolean historyComplete(List<String> endpoints) {
        return endpoints.stream().allMatch(this::historyComplete);
    }

    boolean historyComplete(String endpoint) {
        return !historicalCursor(endpoint).isAfter(historicalLimit(endpoint));
    }

    Instant incrementalCursor(String endpoint) {
        return instant(endpoint, INCREMENTAL_SYNC_CURSOR);
    }

    void setIncrementalCursor(String endpoint, Instant cursor) {
        cursors.getObject(endpoint).put(INCREMENTAL_SYNC_CURSOR, cursor.toString());
    }

    Instant historicalCursor(String endpoint) {
        return instant(endpoint, HISTORICAL_SYNC_CURSOR);
    }

    void setHistoricalCursor(String endpoint, Instant cursor) {
        cursors.getObject(endpoint).put(HISTORICAL_SYNC_CURSOR, cursor.toString());
    }

    Instant historicalLimit(String endpoint) {
        return instant(endpoint, HISTORICAL_SYNC_LIMIT);
    }

    private Instant instant(String endpoint, String key) {
        return Instant.parse(cursors.getObject(endpoint).getString(key));
    }
}
