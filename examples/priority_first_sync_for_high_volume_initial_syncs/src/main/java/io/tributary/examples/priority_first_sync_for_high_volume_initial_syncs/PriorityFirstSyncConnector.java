package io.tributary.examples.priority_first_sync_for_high_volume_initial_syncs;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Priority-first sync for sources with a lot of history: the first sync reads only the last day, so recent
 * data is usable at once, and later syncs alternate between an incremental sync (new data) and a historical
 * sync that back-fills history one day at a time, newest first, until it reaches the historical limit. After
 * that every sync is incremental.
 *
 * <p>A historical sync stops after {@code historical_windows_per_sync} windows, so that the next sync, an
 * incremental one, is not kept waiting; the Python original stops after six hours instead.
 */
public class PriorityFirstSyncConnector implements Connector {
    static final String SEED = "seed";
    static final String NOW = "now";
    static final String HISTORICAL_WINDOWS_PER_SYNC = "historical_windows_per_sync";

    @Override
    public List<Table> schema(Configuration configuration) {
        // One table per endpoint, named after it.
        return MockApi.ENDPOINTS.stream()
                .map(endpoint -> Table.named(endpoint)
                        .primaryKey("id")
                        .column("id", DataType.STRING)
                        .column("name", DataType.STRING)
                        .column("email", DataType.STRING)
                        .column("address", DataType.STRING)
                        .column("company", DataType.STRING)
                        .column("job", DataType.STRING)
                        .column("updated_at", DataType.UTC_DATETIME)
                        .column("created_at", DataType.UTC_DATETIME))
                .toList();
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        MockApi api = new MockApi(configuration.getLong(SEED, 1), now(configuration));
        int windowsPerSync = configuration.getInt(HISTORICAL_WINDOWS_PER_SYNC, 3);
        if (windowsPerSync < 1) {
            throw new ConfigurationException(HISTORICAL_WINDOWS_PER_SYNC, "configuration key '"
                    + HISTORICAL_WINDOWS_PER_SYNC + "' must be at least 1, got " + windowsPerSync);
        }
        List<String> endpoints = MockApi.ENDPOINTS;
        PfsCursors pfs = new PfsCursors(state);
        pfs.initialize(endpoints, api.now());
        EndpointSync sync = new EndpointSync(api, pfs, state, operations);

        if (pfs.isIncrementalSync() || pfs.historyComplete(endpoints)) {
            Log.info("starting incremental syncs");
            for (String endpoint : endpoints) {
                Log.info("starting incremental sync for " + endpoint + " endpoint");
                sync.incremental(endpoint);
            }
            pfs.setIncrementalSync(false); // try a historical sync next time
        } else {
            Log.info("starting historical syncs");
            backfill(sync, pfs, endpoints, windowsPerSync);
            pfs.setIncrementalSync(true); // recent data first again next time
        }
        operations.checkpoint(state);
    }

    /** Reads history windows, endpoint by endpoint, until history is complete or the sync's budget is spent. */
    private static void backfill(EndpointSync sync, PfsCursors pfs, List<String> endpoints, int windowsPerSync) {
        int windows = 0;
        for (String endpoint : endpoints) {
            Log.info("starting historical sync for " + endpoint + " endpoint");
            while (!pfs.historyComplete(endpoint)) {
                sync.historicalWindow(endpoint);
                if (++windows >= windowsPerSync) {
                    Log.info("read " + windows + " historical window(s); stopping so that the next sync fetches recent data");
                    return;
                }
            }
        }
    }

    /** The API's clock: the configured instant, or the real time when none is set. */
    private static Instant now(Configuration configuration) {
        String text = configuration.get(NOW, "").trim();
        if (text.isEmpty()) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(NOW, "configuration key '" + NOW + "' must be an ISO-8601 UTC timestamp "
                    + "such as 2025-01-10T00:00:00Z, or blank for the real clock; got \"" + text + "\"");
        }
    }
}
