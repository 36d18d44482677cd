package io.tributary.api.model;

import java.util.List;

/**
 * A connection's {@code status}.
 *
 * @param setupState     incomplete (setup tests never passed), connected or broken
 * @param syncState      scheduled, syncing, paused or rescheduled (waiting for the source's API quota)
 * @param updateState    on_schedule or delayed
 * @param rescheduledFor when a rescheduled sync runs again; set only while {@code syncState} is rescheduled
 */
public record ConnectionStatus(String setupState, String syncState, String updateState, boolean isHistoricalSync,
                               String schemaStatus, String rescheduledFor, List<ConnectionAlert> tasks,
                               List<ConnectionAlert> warnings) {
}
