package io.tributary.runtime.sync;

import java.time.Duration;

/**
 * How a sync ended. On failure, {@code error} says why and {@code state} is the last committed state, which is
 * where the next sync resumes.
 */
public record SyncResult(boolean succeeded, String error, Throwable cause, String state, SyncCounters counters,
                         Duration duration) {
}
