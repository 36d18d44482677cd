package io.tributary.testkit;

import io.tributary.runtime.sync.SyncCounters;
import io.tributary.runtime.sync.SyncResult;

/** How one test sync ended. */
public final class SyncOutcome {
    private final SyncResult result;

    SyncOutcome(SyncResult result) {
        this.result = result;
    }

    public boolean succeeded() {
        return result.succeeded();
    }

    /** Why the sync failed; null when it succeeded. */
    public String error() {
        return result.error();
    }

    public Throwable cause() {
        return result.cause();
    }

    public SyncCounters counters() {
        return result.counters();
    }

    /** Whether the sync failed with {@code text} in the message of its cause or of any cause of that. */
    public boolean causedBy(String text) {
        for (Throwable t = result.cause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    /** Throws an {@link AssertionError} with the failure when the sync failed. */
    public SyncOutcome assertSucceeded() {
        if (!result.succeeded()) {
            throw new AssertionError("expected the sync to succeed, but it failed: " + result.error(), result.cause());
        }
        return this;
    }

    /** Throws unless the sync failed with a message containing {@code text}. */
    public SyncOutcome assertFailedWith(String text) {
        if (result.succeeded()) {
            throw new AssertionError("expected the sync to fail with \"" + text + "\", but it succeeded");
        }
        if (result.error() == null || !result.error().contains(text)) {
            throw new AssertionError("expected the failure to mention \"" + text + "\", but it was: " + result.error());
        }
        return this;
    }

    /**
     * Throws unless the connector checkpointed at least every {@code rows} rows (before its first checkpoint and
     * after its last too): what a failure at the worst moment would make the next sync redo.
     */
    public SyncOutcome assertCheckpointedEvery(long rows) {
        long widest = result.counters().widestCheckpointGap();
        if (widest > rows) {
            throw new AssertionError("expected a checkpoint at least every " + rows + " rows, but up to " + widest
                    + " rows went between two (" + result.counters().checkpoints() + " checkpoints for "
                    + result.counters().rows() + " rows); checkpoint after every page or every few thousand rows");
        }
        return this;
    }
}
