package io.tributary.server.orchestration;

import io.tributary.server.store.DestinationStore;
import io.tributary.server.store.TransformationStore;
import io.tributary.server.store.TransformationStore.RunStatus;
import io.tributary.server.webhooks.EventPublisher;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a SQL transformation, taken by this node: its SQL runs in the group's warehouse in one transaction,
 * so a failing statement leaves the warehouse as it was.
 */
final class TransformationJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger("tributary.transformations");
    private final TransformationStore transformations;
    private final DestinationStore destinations;
    private final Warehouses warehouses;
    private final EventPublisher events;
    private final TransformationStore.Run run;

    TransformationJob(TransformationStore transformations, DestinationStore destinations, Warehouses warehouses,
                      EventPublisher events, TransformationStore.Run run) {
        this.transformations = transformations;
        this.destinations = destinations;
        this.warehouses = warehouses;
        this.events = events;
        this.run = run;
    }

    @Override
    public void run() {
        String failure = null;
        EventPublisher.Subject subject = null;
        try {
            TransformationStore.Row t = transformations.find(run.transformationId()).orElseThrow(() ->
                    new IllegalStateException("the transformation was deleted before its run started"));
            subject = new EventPublisher.Subject(t.id(), t.name(), "transformation", t.groupId());
            events.publish("transformation_run_start", subject, body -> body.put("run_id", run.id()));
            DestinationStore.Row destination = destinations.find(t.groupId()).orElseThrow(() ->
                    new IllegalStateException("group " + t.groupId() + " has no destination to run SQL in"));
            try (Warehouses.Session session = warehouses.session(destination)) {
                execute(session.connection(), t.sql());
            }
            LOG.info("transformation {} ({}) run {} succeeded", t.id(), t.name(), run.id());
        } catch (SQLException | RuntimeException e) {
            failure = e.getMessage() != null ? e.getMessage() : e.toString();
            LOG.warn("transformation {} run {} failed: {}", run.transformationId(), run.id(), failure);
        }
        transformations.ended(run.id(), failure == null ? RunStatus.SUCCEEDED : RunStatus.FAILED, Instant.now(),
                failure);
        if (subject != null) {
            String reason = failure;
            events.publish(failure == null ? "transformation_run_succeeded" : "transformation_run_failed", subject,
                    body -> {
                        body.put("run_id", run.id());
                        var data = body.putObject("data").put("status", reason == null ? "SUCCESSFUL" : "FAILED");
                        if (reason != null) {
                            data.put("reason", reason);
                        }
                    });
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
    }
}
