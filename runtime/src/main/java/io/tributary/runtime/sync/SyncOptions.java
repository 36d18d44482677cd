package io.tributary.runtime.sync;

import io.tributary.runtime.schema.Naming;

/**
 * How a sync runs.
 *
 * @param naming          destination naming rules
 * @param flushBytes      buffered bytes (all tables) that trigger a flush to staging
 * @param maxBatchRows    rows of one table that trigger a flush to staging
 * @param inFlightBytes   bytes of flushed batches the destination may lag behind before the connector waits
 */
public record SyncOptions(Naming naming, long flushBytes, int maxBatchRows, long inFlightBytes) {

    public static SyncOptions defaults() {
        return new SyncOptions(Naming.FIVETRAN, 16L << 20, 65_536, 64L << 20);
    }

    public SyncOptions withNaming(Naming n) {
        return new SyncOptions(n, flushBytes, maxBatchRows, inFlightBytes);
    }

    public SyncOptions withFlushBytes(long bytes) {
        return new SyncOptions(naming, bytes, maxBatchRows, inFlightBytes);
    }
}
