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
}
