package io.tributary.server.orchestration;

import io.tributary.runtime.sync.SyncOptions;
import io.tributary.server.store.ConnectionStateStore;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.Database;
import io.tributary.server.store.DestinationStore;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.PackageStore;
import io.tributary.server.store.SchemaConfigStore;
import io.tributary.server.store.SyncLogStore;
import io.tributary.server.store.SyncRequestStore;
import io.tributary.server.store.SyncRunStore;
import io.tributary.server.store.TransformationStore;
import io.tributary.server.store.WebhookOutbox;
import io.tributary.server.store.WebhookStore;
import io.tributary.server.webhooks.EventPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs connections' syncs on this node: each tick it reaps syncs whose node stopped renewing its lease, then
 * starts the syncs that are due (requested through the API, or due by schedule) while it has a free worker.
 * Taking a connection is a database claim, so nodes sharing one PostgreSQL never run a connection twice; the
 * claim's fencing token keeps a node that lost its lease from committing. Running syncs renew their lease and
 * flush their log lines every heartbeat, and a forced sync request cancels the running sync it replaces.
 */
public final class Orchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("tributary.orchestrator");

    /**
     * How a node orchestrates.
     *
     * @param node       this node's name in the sync history
     * @param workers    syncs this node runs at once
     * @param tick       how often it looks for due syncs
     * @param lease      how long a sync's lease lasts without renewal; a longer silence means its node died
     * @param connectors where connector classes named by {@code config.connector_class} are loaded from
     * @param packages   where this node unpacks uploaded Connector SDK packages (one directory per version)
     */
    public record Settings(String node, int workers, Duration tick, Duration lease, ClassLoader connectors,
                           Path packages, Duration syncTimeout) {
        /** Settings with the default sync timeout, a day. */
        public Settings(String node, int workers, Duration tick, Duration lease, ClassLoader connectors,
                        Path packages) {
            this(node, workers, tick, lease, connectors, packages, Duration.ofHours(24));
        }

        public Duration heartbeat() {
            return lease.dividedBy(12);
        }
    }

    /** What a sync needs, shared by this node's jobs. */
    record Parts(ConnectionStore connections, DestinationStore destinations, ConnectionStateStore states,
                 SyncRunStore runs, SyncLogStore logs, SyncRequestStore requests, TransformationStore transformations,
                 SchemaConfigStore schemaConfigs, Warehouses warehouses, ConnectorLoader connectors, SyncEvents events, SyncLogCapture capture) {
    }

    private final Settings settings;
    private final Parts parts;
    private final SyncOptions options = SyncOptions.defaults();
    private final Semaphore freeWorkers;
    private final Map<String, SyncJob> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "orchestrator"));
    private final ExecutorService workers;

    public Orchestrator(Database database, Settings settings) {
        Jdbc jdbc = new Jdbc(database);
        this.settings = settings;
        this.parts = new Parts(new ConnectionStore(jdbc), new DestinationStore(jdbc), new ConnectionStateStore(jdbc),
                new SyncRunStore(jdbc), new SyncLogStore(database), new SyncRequestStore(jdbc),
                new TransformationStore(jdbc), new SchemaConfigStore(database), new Warehouses(),
                new ConnectorLoader(settings.connectors(), packages(settings, database)),
                new SyncEvents(new EventPublisher(new WebhookStore(jdbc), new WebhookOutbox(jdbc))),
                SyncLogCapture.install());
        this.freeWorkers = new Semaphore(settings.workers());
        this.workers = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, "sync-worker"));
    }

    /** The node's package cache, swept at start of versions no package uses any more (kept for a day). */
    private static PackageCache packages(Settings settings, Database database) {
        PackageCache cache = new PackageCache(settings.packages(), new PackageStore(database));
        cache.sweep(Duration.ofDays(1));
        return cache;
    }

    public Orchestrator start() {
        clock.scheduleWithFixedDelay(() -> guarded("tick", this::tick), 0, settings.tick().toMillis(),
                TimeUnit.MILLISECONDS);
        clock.scheduleWithFixedDelay(() -> guarded("heartbeat", this::heartbeat), settings.heartbeat().toMillis(),
                settings.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("node {} runs up to {} syncs at once", settings.node(), settings.workers());
        return this;
    }

    /** One scheduling pass: reap, start the syncs that are due, then the transformation runs. */
    private void tick() {
        Instant now = Instant.now();
        reapStale(now);
        startSyncs(now);
        TransformationScheduler.requestDue(parts.transformations(), now);
        startTransformations(now);
    }

    private void startSyncs(Instant now) {
        Set<String> requested = parts.requests().pendingConnections();
        for (ConnectionStore.Row connection : parts.connections().runnable("connector_sdk")) {
            if (running.containsKey(connection.id())) {
                continue;
            }
            boolean isRequested = requested.contains(connection.id());
            Instant lastStarted = parts.runs().latest(connection.id()).map(SyncRunStore.Run::startedAt).orElse(null);
            if (!isRequested && !SyncSchedule.due(connection.settings(), lastStarted, now)) {
                continue;
            }
            if (!freeWorkers.tryAcquire()) {
                return;
            }
            if (!startSync(connection, isRequested, now)) {
                freeWorkers.release();
            }
        }
    }

    private void startTransformations(Instant now) {
        for (TransformationStore.Run run : parts.transformations().pendingRuns()) {
            if (!freeWorkers.tryAcquire()) {
                return;
            }
            if (!parts.transformations().started(run.id(), now)) {
                freeWorkers.release(); // another node took it
                continue;
            }
            TransformationJob job = new TransformationJob(parts.transformations(), parts.destinations(),
                    parts.warehouses(), parts.events().publisher(), run);
            workers.execute(() -> {
                try {
                    job.run();
                } finally {
                    freeWorkers.release();
                }
            });
        }
    }

    private boolean startSync(ConnectionStore.Row connection, boolean requested, Instant now) {
        String trigger = requested ? "requested" : "schedule";
        var claimed = parts.runs().claim(connection.id(), trigger, settings.node(), now);
        if (claimed.isEmpty()) {
            return false; // running elsewhere
        }
        List<SyncRequestStore.Request> taken = parts.requests().take(connection.id(), now);
        if (parts.capture() != null) {
            parts.capture().begin(claimed.get().id());
        }
        SyncJob job = new SyncJob(parts, connection, claimed.get(), taken, options);
        running.put(connection.id(), job);
        workers.execute(() -> {
            try {
                job.run();
            } finally {
                running.remove(connection.id());
                freeWorkers.release();
            }
        });
        return true;
    }

    /** Fails syncs whose node went silent, so their connections can run again (with a higher fencing token). */
    private void reapStale(Instant now) {
        Instant staleBefore = now.minus(settings.lease());
        for (SyncRunStore.Run run : parts.runs().stale(staleBefore)) {
            if (parts.runs().reap(run, staleBefore, now)) {
                LOG.warn("sync {} of connection {} lost its lease (node {} silent since {}); marked failed",
                        run.id(), run.connectionId(), run.node(), run.heartbeatAt());
                parts.connections().syncEnded(run.connectionId(), false, now);
            }
        }
    }

    /** Renews running syncs' leases, stores their new log lines, and applies forced re-runs. */
    private void heartbeat() {
        Instant now = Instant.now();
        for (SyncJob job : running.values()) {
            String runId = job.syncRun().id();
            if (parts.capture() != null) {
                parts.logs().append(parts.capture().drain(runId));
            }
            if (!parts.runs().heartbeat(runId, job.counts(), now)) {
                job.cancel("this node lost the sync's lease; another node may run the connection now");
            } else if (parts.requests().forcePending(job.syncRun().connectionId())) {
                job.cancel("a forced sync replaces it");
            } else if (now.isAfter(job.syncRun().startedAt().plus(settings.syncTimeout()))) {
                job.cancel("the sync ran longer than the server's sync timeout (" + settings.syncTimeout() + ", "
                        + "--sync-timeout); it keeps its last checkpoint and the next sync resumes from there");
            }
        }
    }

    /** The syncs running on this node, by connection id. */
    public Set<String> runningConnections() {
        return Set.copyOf(running.keySet());
    }

    private static void guarded(String what, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException e) {
            LOG.error("orchestrator {} failed; retrying next time: {}", what, e.getMessage(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops scheduling, cancels running syncs (each keeps its last checkpoint) and waits for them to end. */
    @Override
    public void close() {
        clock.shutdownNow();
        running.values().forEach(job -> job.cancel("the server is shutting down"));
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("syncs still running after 30 s: {}", running.keySet());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (parts.capture() != null) {
            parts.capture().uninstall();
        }
    }
}
