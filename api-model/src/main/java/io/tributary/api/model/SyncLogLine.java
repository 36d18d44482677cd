package io.tributary.api.model;

import java.time.Instant;

/**
 * {@code GET /v1/connections/{id}/logs}: one line a sync logged, the runtime's or the connector's (a Tributary
 * extension). {@code seq} numbers the lines of one sync from 1.
 */
public record SyncLogLine(String syncId, int seq, Instant time, String level, String logger, String message) {
}
