package io.tributary.server.orchestration;

import io.tributary.server.store.ConnectionStore;
import io.tributary.server.webhooks.EventPublisher;

/** The orchestrator's webhook events: {@code sync_start} and {@code sync_end} with the sync's id and outcome. */
final class SyncEvents {
    private final EventPublisher publisher;

    SyncEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    EventPublisher publisher() {
        return publisher;
    }

    void started(ConnectionStore.Row connection, String syncId) {
        publisher.publish("sync_start", subject(connection), body -> body.put("sync_id", syncId));
    }

    void ended(ConnectionStore.Row connection, String syncId, boolean succeeded, String reason) {
        publisher.publish("sync_end", subject(connection), body -> {
            body.put("sync_id", syncId);
            var data = body.putObject("data").put("status", succeeded ? "SUCCESSFUL" : "FAILED");
            if (reason != null) {
                data.put("reason", reason);
            }
        });
    }

    static EventPublisher.Subject subject(ConnectionStore.Row connection) {
        return new EventPublisher.Subject(connection.id(), connection.schema(), connection.service(),
                connection.groupId());
    }
}
