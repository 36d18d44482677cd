package io.tributary.api.model;

import java.time.Instant;

/**
 * {@code GET /v1/connections/{id}/sync-history}: one sync of a connection (a Tributary extension; Fivetran's API
 * has no sync history). {@code status} is RUNNING, SUCCEEDED or FAILED; {@code trigger} is "schedule" or
 * "requested"; {@code error} says why a sync failed.
 */
public record SyncRun(String id, String connectionId, String status, String trigger, String node, Instant startedAt,
                      Instant endedAt, Long durationMs, long upserts, long updates, long deletes, long truncates,
                      long checkpoints, String error) {
}
