package io.tributary.examples.incremental_sync_strategies;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.http.HttpApi;
import java.time.Duration;
import java.time.Instant;

/**
 * Replay sync: a timestamp sync that starts {@code buffer_hours} before {@code last_timestamp}, so records that
 * reached a lagging read replica late, with an update time already passed, are still read. The records of the
 * look-back window are read again every sync; upserts by primary key make that harmless.
 */
final class ReplaySync implements SyncStrategy {
    static final String BUFFER_HOURS = "buffer_hours";
    static final int DEFAULT_BUFFER_HOURS = 2;

    @Override
    public void sync(HttpApi api, Configuration configuration, State state, Operations operations) {
        int bufferHours = configuration.getInt(BUFFER_HOURS, DEFAULT_BUFFER_HOURS);
        if (bufferHours < 0) {
            throw new ConfigurationException(BUFFER_HOURS,
                    "configuration key '" + BUFFER_HOURS + "' must be 0 or more, got " + bufferHours);
        }
        String since = TimestampSync.BEGINNING;
        if (state.has(TimestampSync.CURSOR)) {
            Instant last = Instant.parse(state.getString(TimestampSync.CURSOR));
            since = last.minus(Duration.ofHours(bufferHours)).toString();
            Log.info("replaying " + bufferHours + " h before the last timestamp " + last);
        }
        TimestampSync.syncFrom(since, api, state, operations);
    }
}
