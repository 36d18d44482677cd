package io.tributary.runtime.sync;

import java.util.concurrent.atomic.AtomicLong;

/** Live operation counts of a sync, readable from any thread. */
public final class SyncCounters {
    final AtomicLong upserts = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong deletes = new AtomicLong();
    final AtomicLong truncates = new AtomicLong();
    final AtomicLong schemaChanges = new AtomicLong();
    final AtomicLong checkpoints = new AtomicLong();
    private final AtomicLong rowsAtLastCheckpoint = new AtomicLong();
    private final AtomicLong widestGap = new AtomicLong();

    public long upserts() {
        return upserts.get();
    }

    public long updates() {
        return updates.get();
    }

    public long deletes() {
        return deletes.get();
    }

    public long truncates() {
        return truncates.get();
    }

    public long schemaChanges() {
        return schemaChanges.get();
    }

    public long checkpoints() {
        return checkpoints.get();
    }

    /** Rows emitted: upserts, updates and deletes. */
    public long rows() {
        return upserts() + updates() + deletes();
    }

    /**
     * The most rows emitted between two checkpoints (or before the first, or after the last): what a failure at
     * the worst moment would make the next sync redo.
     */
    public long widestCheckpointGap() {
        return Math.max(widestGap.get(), rows() - rowsAtLastCheckpoint.get());
    }

    /** Called by the checkpoint that just committed. */
    void checkpointed() {
        long rows = rows();
        widestGap.accumulateAndGet(rows - rowsAtLastCheckpoint.getAndSet(rows), Math::max);
    }
}
