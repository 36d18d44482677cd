package io.tributary.server.store;

import io.tributary.api.model.ConnectionAlert;
import io.tributary.api.model.SetupTest;
import java.time.Instant;
import java.util.List;

/**
 * A connection's stored status. {@code syncState} is the run's own state (scheduled, syncing, rescheduled); the
 * API shows "paused" instead while the connection is paused.
 */
public record ConnectionRunStatus(String setupState, List<SetupTest> setupTests, String syncState,
                                  String updateState, boolean historicalSync, String schemaStatus,
                                  Instant rescheduledFor, Instant succeededAt, Instant failedAt,
                                  List<ConnectionAlert> tasks, List<ConnectionAlert> warnings) {

    /** A new connection's: never tested, waiting for its first (historical) sync. */
    public static ConnectionRunStatus initial() {
        return new ConnectionRunStatus("incomplete", List.of(), "scheduled", "on_schedule", true, null, null, null,
                null, List.of(), List.of());
    }

    public ConnectionRunStatus withSetup(String state, List<SetupTest> tests) {
        return new ConnectionRunStatus(state, List.copyOf(tests), syncState, updateState, historicalSync, schemaStatus,
                rescheduledFor, succeededAt, failedAt, tasks, warnings);
    }

    public ConnectionRunStatus withHistoricalSync(boolean historical) {
        return new ConnectionRunStatus(setupState, setupTests, syncState, updateState, historical, schemaStatus,
                rescheduledFor, succeededAt, failedAt, tasks, warnings);
    }

    public ConnectionRunStatus withSchemaStatus(String status) {
        return new ConnectionRunStatus(setupState, setupTests, syncState, updateState, historicalSync, status,
                rescheduledFor, succeededAt, failedAt, tasks, warnings);
    }
}
