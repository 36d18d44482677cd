package io.tributary.examples.priority_first_sync_for_high_volume_initial_syncs;

import io.tributary.examples.priority_first_sync_for_high_volume_initial_syncs.MockApi.Page;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Reads one endpoint of the API, forwards (incremental) or one window back (historical), like {@code users_sync.py}. */
final class EndpointSync {
    /** How much history one historical step reads. */
    static final Duration HISTORICAL_WINDOW = Duration.ofDays(1);

    private final MockApi api;
    private final PfsCursors pfs;
    private final State state;
    private final Operations operations;

    EndpointSync(MockApi api, PfsCursors pfs, State state, Operations operations) {
        this.api = api;
        this.pfs = pfs;
        this.state = state;
        this.operations = operations;
    }

    /** Reads from the incremental cursor up to now, a page at a time, checkpointing after each page. */
    void incremental(String endpoint) {
        Instant since = pfs.incrementalCursor(endpoint);
        while (true) {
            Page page = api.get(endpoint, since);
            if (page.data().isEmpty()) {
                return;
            }
            Instant last = upsertAll(endpoint, page);
            pfs.setIncrementalCursor(endpoint, last);
            operations.checkpoint(state);
            // The next page starts at the last record (inclusive), so that record is read twice: harmless, it
            // is upserted by its key. Stop if a page brought nothing newer, rather than loop forever.
            if (!page.hasMore() || !last.isAfter(since)) {
                return;
            }
            since = last;
        }
    }

    /**
     * Reads the window of history that ends at the historical cursor (one day, or less at the historical limit),
     * moves the cursor back to the window's start and checkpoints.
     */
    void historicalWindow(String endpoint) {
        Instant cursor = pfs.historicalCursor(endpoint);
        Instant limit = pfs.historicalLimit(endpoint);
        Instant windowStart = cursor.minus(HISTORICAL_WINDOW).isBefore(limit) ? limit : cursor.minus(HISTORICAL_WINDOW);
        Instant since = windowStart;
        while (true) {
            Page page = api.get(endpoint, since);
            if (page.data().isEmpty()) {
                break;
            }
            Instant last = upsertAll(endpoint, page);
            boolean windowCovered = !since.plus(MockApi.PAGE_SPAN).isBefore(cursor);
            if (windowCovered || !page.hasMore() || !last.isAfter(since)) {
                break;
            }
            since = last;
        }
        pfs.setHistoricalCursor(endpoint, windowStart);
        operations.checkpoint(state);
    }

    /** Upserts the page's records and returns the {@code updated_at} of the last (the newest). */
    private Instant upsertAll(String endpoint, Page page) {
        for (Map<String, Object> record : page.data()) {
            operations.upsert(endpoint, record);
        }
        return Instant.parse((String) page.data().get(page.data().size() - 1).get("updated_at"));
    }
}
