package io.tributary.server.api;

import io.tributary.server.store.ConnectionStore.Row;
import io.tributary.server.webhooks.EventPublisher;
import java.util.List;
import java.util.Map;

/**
 * The webhook events of what the API does to connections, by Fivetran's names: create_connector, edit_connector,
 * pause_connector, resume_connector, delete_connector, force_update_connector, resync_connector, resync_table, and
 * connection_successful / connection_failure after setup tests.
 */
final class ConnectionEvents {
    private final EventPublisher publisher;

    ConnectionEvents(EventPublisher publisher) {
        this.publisher = publisher;
    }

    void created(Row row) {
        publisher.publish("create_connector", subject(row));
        tested(row);
    }

    /** After an update: pause or resume when {@code paused} flipped, an edit when anything else changed. */
    void updated(Row before, Row after, boolean retested) {
        if (before.settings().paused() != after.settings().paused()) {
            publisher.publish(after.settings().paused() ? "pause_connector" : "resume_connector", subject(after));
        }
        boolean edited = !before.config().equals(after.config())
                || !before.settings().withPaused(false).equals(after.settings().withPaused(false));
        if (edited) {
            publisher.publish("edit_connector", subject(after));
        }
        if (retested) {
            tested(after);
        }
    }

    void deleted(Row row) {
        publisher.publish("delete_connector", subject(row));
    }

    void syncRequested(Row row) {
        publisher.publish("force_update_connector", subject(row));
    }

    void resyncRequested(Row row, Map<String, List<String>> scope) {
        if (scope == null) {
            publisher.publish("resync_connector", subject(row));
        } else {
            publisher.publish("resync_table", subject(row), body -> body.putPOJO("data", Map.of("scope", scope)));
        }
    }

    /** The outcome of setup tests that ran. */
    void tested(Row row) {
        if (row.status().setupTests().isEmpty()) {
            return;
        }
        boolean connected = "connected".equals(row.status().setupState());
        publisher.publish(connected ? "connection_successful" : "connection_failure", subject(row), body -> {
            var data = body.putObject("data").put("status", connected ? "SUCCESSFUL" : "FAILED");
            if (!connected) {
                data.put("reason", "setup_state " + row.status().setupState());
            }
        });
    }

    private static EventPublisher.Subject subject(Row row) {
        return new EventPublisher.Subject(row.id(), row.schema(), row.service(), row.groupId());
    }
}
