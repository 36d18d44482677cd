package io.tributary.server.orchestration;

import io.tributary.runtime.schema.DeclaredTable;
import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.schema.SchemaValidator;
import io.tributary.runtime.schema.TableSchema;
import io.tributary.runtime.sync.Selection;
import io.tributary.runtime.sync.SyncCounters;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.SyncEnvironment;
import io.tributary.server.store.ConnectionStateStore;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.DestinationStore;
import io.tributary.server.store.SyncRequestStore;
import io.tributary.server.store.SyncRunStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of one connection, on a node that holds its lease: loads the connector, opens the group's warehouse
 * fenced with the run's token, commits an API-written state or a re-sync's empty state first, runs the sync,
 * mirrors each committed state to the store, and records the outcome on the run and the connection.
 */
final class SyncJob implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private final Orchestrator.Parts parts;
    private final ConnectionStore.Row connection;
    private final SyncRunStore.Run run;
    private final List<SyncRequestStore.Request> requests;
    private final SyncRunner runner;
    private volatile String cancelReason;

    SyncJob(Orchestrator.Parts parts, ConnectionStore.Row connection, SyncRunStore.Run run,
            List<SyncRequestStore.Request> requests, SyncOptions options) {
        this.parts = parts;
        this.connection = connection;
        this.run = run;
        this.requests = requests;
        this.runner = new SyncRunner(options);
    }

    SyncRunStore.Run syncRun() {
        return run;
    }

    /** Stops the sync at the connector's next operation; what its last checkpoint committed stays. */
    void cancel(String reason) {
        cancelReason = reason;
        runner.cancel(reason);
    }

    SyncRunStore.Counts counts() {
        SyncCounters c = runner.counters();
        return new SyncRunStore.Counts(c.upserts(), c.updates(), c.deletes(), c.truncates(), c.checkpoints());
    }

    @Override
    public void run() {
        SyncLogCapture.within(run.id(), this::sync);
    }

    private void sync() {
        parts.connections().syncStarted(connection.id());
        parts.events().started(connection, run.id());
        LOG.info("sync {} of connection {} (schema {}) started on node {}: {}, fencing token {}", run.id(),
                connection.id(), connection.schema(), run.node(), run.trigger(), run.fence());
        String error;
        try {
            error = syncIntoWarehouse();
        } catch (RuntimeException e) {
            error = e.getMessage() != null ? e.getMessage() : e.toString();
            LOG.error("sync {} failed before the connector ran: {}", run.id(), error, e);
        }
        if (error == null && cancelReason != null) {
            error = "canceled: " + cancelReason;
        }
        Instant ended = Instant.now();
        boolean succeeded = error == null;
        if (succeeded) {
            LOG.info("sync {} succeeded: {} upserts, {} updates, {} deletes, {} checkpoints", run.id(),
                    counts().upserts(), counts().updates(), counts().deletes(), counts().checkpoints());
        }
        parts.logs().append(parts.capture() == null ? List.of() : parts.capture().end(run.id()));
        if (parts.runs().finish(run.id(), succeeded ? SyncRunStore.Status.SUCCEEDED : SyncRunStore.Status.FAILED,
                counts(), error, ended)) {
            parts.connections().syncEnded(connection.id(), succeeded, ended);
            parts.events().ended(connection, run.id(), succeeded, error);
            if (succeeded) {
                TransformationScheduler.afterSync(parts.transformations(), connection.id());
            }
        }
    }

    /** Runs the sync; the error message when it failed, or null. */
    private String syncIntoWarehouse() {
        Connector connector = new SchemaOnce(parts.connectors().connector(connection.config()));
        Configuration configuration = ConnectorLoader.configuration(connection.config()).withEnvironment(
                SyncEnvironment.server(connection.id(), connection.groupId(), connection.schema()));
        DestinationStore.Row destination = parts.destinations().find(connection.groupId()).orElseThrow(() ->
                new IllegalStateException("group " + connection.groupId() + " has no destination; create one with "
                        + "POST /v1/destinations before syncing connection " + connection.id()));
        Optional<ConnectionStateStore.Stored> stored = parts.states().stored(connection.id());
        try (Warehouses.Opened opened = parts.warehouses().open(destination, connection.schema())) {
            opened.destination().fence(run.fence());
            String reset = resetState(stored);
            if (reset != null) {
                opened.destination().commit(reset);
                parts.states().write(connection.id(), reset, ConnectionStateStore.Writer.SYNC);
            }
            List<DeclaredTable> declared = declared(connector, configuration);
            capture(declared, opened.destination().tables(), Map.of());
            BlockedItems blocked = new BlockedItems();
            Selection selection = SchemaSelection.of(parts.schemaConfigs().find(connection.id()), blocked);
            SyncResult result = runner.run(connector, configuration, stored.map(ConnectionStateStore.Stored::json)
                    .orElse(null), opened.destination(), state -> parts.states().write(connection.id(), state,
                    ConnectionStateStore.Writer.SYNC), selection);
            capture(declared, opened.destination().tables(), blocked.byTable());
            if (!result.succeeded()) {
                LOG.error("sync {} failed: {}; the next sync resumes from the last checkpoint's state {}", run.id(),
                        result.error(), result.state());
            }
            return result.succeeded() ? null : result.error();
        }
    }

    /**
     * The tables the connector declares, for the capture before the sync; empty when {@code schema()} fails (the
     * sync then fails on it, with the runtime's message).
     */
    private static List<DeclaredTable> declared(Connector connector, Configuration configuration) {
        try {
            return SchemaValidator.validate(connector.schema(configuration), Naming.FIVETRAN);
        } catch (Exception | LinkageError e) {
            return List.of();
        }
    }

    /** Records the source's tables in the schema config, so users can see and deselect them. */
    private void capture(List<DeclaredTable> declared, List<TableSchema> warehouse, Map<String, Set<String>> blocked) {
        try {
            parts.schemaConfigs().discover(connection.id(),
                    SchemaSelection.capture(connection.schema(), declared, warehouse, blocked));
        } catch (RuntimeException e) {
            LOG.warn("sync {}: the schema config was not updated with the warehouse's tables: {}", run.id(),
                    e.getMessage());
        }
    }

    /** The state to commit before the connector starts: empty for a re-sync, or one the API wrote; else null. */
    private String resetState(Optional<ConnectionStateStore.Stored> stored) {
        for (SyncRequestStore.Request r : requests) {
            if (r.kind() == SyncRequestStore.Kind.RESYNC) {
                LOG.info("re-sync requested by {}{}: the connector starts from an empty state", r.requestedBy(),
                        r.scope() == null ? "" : " for " + r.scope() + " (a Connector SDK connection's state is one "
                                + "document, so it re-syncs as a whole)");
                return "{}";
            }
        }
        if (stored.isPresent() && stored.get().writtenBy() == ConnectionStateStore.Writer.API) {
            LOG.info("starting from the state written through the API: {}", stored.get().json());
            return stored.get().json();
        }
        return null;
    }
}
