package io.tributary.runtime.sync;

/** The sync was stopped from outside (a forced re-run, a lost lease, shutdown); nothing uncommitted is kept. */
public final class SyncCanceledException extends RuntimeException {
    public SyncCanceledException(String reason) {
        super("canceled: " + reason);
    }
}
