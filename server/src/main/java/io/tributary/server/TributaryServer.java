package io.tributary.server;

import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.tributary.server.api.AccountApi;
import io.tributary.server.api.ConnectionActionsApi;
import io.tributary.server.api.ConnectionStateApi;
import io.tributary.server.api.ConnectionsApi;
import io.tributary.server.api.ConnectorSdkPackagesApi;
import io.tributary.server.api.DestinationsApi;
import io.tributary.server.api.ApprovalsApi;
import io.tributary.server.api.GroupsApi;
import io.tributary.server.api.PeopleApis;
import io.tributary.server.api.TransformationsApi;
import io.tributary.server.api.WebhooksApi;
import io.tributary.server.api.MetadataApi;
import io.tributary.server.api.SchemaConfigApi;
import io.tributary.server.api.SourceMetadataApi;
import io.tributary.server.api.SyncHistoryApi;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.connections.ConnectionSetup;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Gatekeeper;
import io.tributary.server.http.Json;
import io.tributary.server.http.RateLimiter;
import io.tributary.server.http.RequestBudget;
import io.tributary.server.http.SharedRateLimiter;
import io.tributary.server.http.Router;
import io.tributary.server.orchestration.ConnectorPath;
import io.tributary.server.orchestration.NodeName;
import io.tributary.server.orchestration.Orchestrator;
import io.tributary.server.store.ApprovalStore;
import io.tributary.server.store.ConnectionStateStore;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.Database;
import io.tributary.server.store.DestinationStore;
import io.tributary.server.store.GroupStore;
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
import io.tributary.server.webhooks.WebhookDelivery;
import io.tributary.server.webhooks.WebhookDispatcher;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The management server: Fivetran's REST API v1 over the metadata store. */
public final class TributaryServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("tributary.server");

    /** How long a webhook endpoint may take to answer a delivery. */
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);
    /** How often a node looks for due syncs and webhook deliveries. */
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Database database;
    private final Javalin app;
    private final ApiKeys.Credentials initialKey;
    private final List<Router.Route> routes;
    private final Orchestrator orchestrator;
    private final WebhookDispatcher webhooks;

    private TributaryServer(Database database, Javalin app, ApiKeys.Credentials initialKey, List<Router.Route> routes,
                            Orchestrator orchestrator, WebhookDispatcher webhooks) {
        this.database = database;
        this.app = app;
        this.initialKey = initialKey;
        this.routes = routes;
        this.orchestrator = orchestrator;
        this.webhooks = webhooks;
    }

    /** Every API operation the server serves. */
    public List<Router.Route> routes() {
        return routes;
    }

    /** Opens the store (migrating it), creates the first administrator key if there is none, and listens. */
    public static TributaryServer start(ServerConfig config) {
        Database database = openStore(config);
        try {
            Jdbc jdbc = new Jdbc(database);
            ApiKeys keys = new ApiKeys(jdbc);
            ApiKeys.Credentials initial = keys.createFirstAdministrator().orElse(null);
            // One node on the embedded store keeps the budget in memory; nodes sharing PostgreSQL share it there.
            RequestBudget budget = config.dbUrl() == null ? new RateLimiter(config.requestsPerHour(), Clock.systemUTC())
                    : new SharedRateLimiter(config.requestsPerHour(), database, Clock.systemUTC());
            Gatekeeper gatekeeper = new Gatekeeper(keys, budget);
            GroupStore groups = new GroupStore(jdbc);
            WebhookStore webhookStore = new WebhookStore(jdbc);
            WebhookOutbox outbox = new WebhookOutbox(jdbc);
            EventPublisher events = new EventPublisher(webhookStore, outbox);
            List<Router.Route> routes = new ArrayList<>();
            Javalin app = Javalin.create(c -> {
                c.startup.showJavalinBanner = false;
                c.startup.showOldJavalinVersionWarning = false;
                c.router.ignoreTrailingSlashes = true;
                c.router.treatMultipleSlashesAsSingleSlash = true;
                c.http.prefer405over404 = true;
                // Only package uploads are multipart; a part past the cap stops the upload with a 413.
                c.jetty.multipartConfig.maxFileSize(config.maxPackageBytes(), SizeUnit.BYTES);
                c.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
                c.routes.before("/v1/*", gatekeeper::check);
                c.routes.exception(ApiException.class, (e, ctx) -> Json.error(ctx, e.status(), e.code(), e.getMessage()));
                c.routes.exception(Exception.class, (e, ctx) -> {
                    LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                    Json.error(ctx, 500, "InternalError", "The server failed to handle the request; see its log");
                });
                c.routes.error(404, ctx -> {
                    if (!Json.written(ctx)) {
                        Json.error(ctx, 404, "NotFound", "No endpoint " + ctx.method() + " " + ctx.path());
                    }
                });
                c.routes.error(405, ctx -> Json.error(ctx, 405, "MethodNotAllowed",
                        ctx.method() + " is not supported on " + ctx.path()));
                Router router = new Router(c.routes);
                GroupsApi groupsApi = new GroupsApi(groups);
                groupsApi.register(router);
                DestinationStore destinations = new DestinationStore(jdbc);
                new DestinationsApi(destinations, groupsApi).register(router);
                ConnectionStore connections = new ConnectionStore(jdbc);
                SyncRequestStore syncRequests = new SyncRequestStore(jdbc);
                ConnectionSetup setup = new ConnectionSetup(destinations);
                ConnectorSdkPackagesApi packages = new ConnectorSdkPackagesApi(new PackageStore(database),
                        config.maxPackageBytes());
                packages.register(router);
                ConnectionsApi connectionsApi = new ConnectionsApi(connections, syncRequests, setup, groupsApi, events,
                        packages);
                connectionsApi.register(router);
                new ConnectionActionsApi(connectionsApi, connections, syncRequests, setup).register(router);
                new ConnectionStateApi(connectionsApi, new ConnectionStateStore(jdbc)).register(router);
                new SyncHistoryApi(connectionsApi, new SyncRunStore(jdbc), new SyncLogStore(database)).register(router);
                PeopleApis.register(router, jdbc, groupsApi, connectionsApi);
                new WebhooksApi(webhookStore, groupsApi, new WebhookDelivery(WEBHOOK_TIMEOUT),
                        config.allowHttpWebhooks()).register(router);
                new ApprovalsApi(new ApprovalStore(jdbc), connectionsApi, destinations).register(router);
                new TransformationsApi(new TransformationStore(jdbc), connections, groupsApi).register(router);
                SchemaConfigStore schemaConfigs = new SchemaConfigStore(database);
                new SchemaConfigApi(connectionsApi, schemaConfigs, syncRequests).register(router);
                new MetadataApi().register(router);
                new SourceMetadataApi(connectionsApi, schemaConfigs).register(router);
                new AccountApi("tributary", "Tributary").register(router);
                routes.addAll(router.routes());
            }).start(config.host(), config.port());
            Orchestrator orchestrator = config.syncWorkers() > 0 ? new Orchestrator(database, new Orchestrator.Settings(
                    NodeName.of(app.port()), config.syncWorkers(), TICK, config.syncLease(),
                    ConnectorPath.classLoader(config.connectorPath()), config.dataDir().resolve("packages"),
                    config.syncTimeout())).start()
                    : null;
            WebhookDispatcher dispatcher = new WebhookDispatcher(outbox, webhookStore,
                    new WebhookDelivery(WEBHOOK_TIMEOUT), config.webhookRetry()).start(TICK);
            return new TributaryServer(database, app, initial, List.copyOf(routes), orchestrator, dispatcher);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The configured store, migrated: PostgreSQL when {@code dbUrl} is set, else H2 in the data directory. */
    public static Database openStore(ServerConfig config) {
        if (config.dbUrl() != null) {
            return Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
        }
        try {
            Files.createDirectories(config.dataDir());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the data directory " + config.dataDir() + ": " + e.getMessage(), e);
        }
        return Database.embedded(config.dataDir());
    }

    public int port() {
        return app.port();
    }

    /** The administrator key created on this first start, shown once; empty on later starts. */
    public Optional<ApiKeys.Credentials> initialKey() {
        return Optional.ofNullable(initialKey);
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        webhooks.close();
        app.stop();
        database.close();
    }
}
