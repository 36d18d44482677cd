package io.tributary.runtime.sync;

import io.tributary.runtime.schema.Naming;

/**
 * How a sync runs.
 *
 * @param naming          destination naming rules
 * @param flushBytes      buffered bytes (all tables) that trigger a flush to staging
 * @param maxBatchRows    rows of one table that trigger a flush to staging
 * @param inFlightBytes   bytes of flushed batches the destination may lag behind before the connector waits
 * @param checkpointGapWarning  rows between two checkpoints above which a successful sync warns that a failure
 *                              would redo too much
 */
public record SyncOptions(Naming naming, long flushBytes, int maxBatchRows, long inFlightBytes,
                          long checkpointGapWarning) {

    public static SyncOptions defaults() {
        return new SyncOptions(Naming.FIVETRAN, 16L << 20, 65_536, 64L << 20, 500_000);
    }

    public SyncOptions withNaming(Naming n) {
        return new SyncOptions(n, flushBytes, maxBatchRows, inFlightBytes, checkpointGapWarning);
    }

    public SyncOptions withFlushBytes(long bytes) {
        return new SyncOptions(naming, bytes, maxBatchRows, inFlightBytes, checkpointGapWarning);
    }

    public SyncOptions withCheckpointGapWarning(long rows) {
        return new SyncOptions(naming, flushBytes, maxBatchRows, inFlightBytes, rows);
    }
}
