package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.model.Connection;
import io.tributary.api.model.ConnectionRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.connections.ConnectionRules;
import io.tributary.server.connections.ConnectionSetup;
import io.tributary.server.connections.ConnectorService;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.ConnectionRunStatus;
import io.tributary.server.store.ConnectionSettings;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.ConnectionStore.Row;
import io.tributary.server.store.Ids;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SyncRequestStore;
import io.tributary.server.webhooks.EventPublisher;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /v1/connections} (and the legacy {@code /v1/connectors}): list, create, details, update, delete. */
public final class ConnectionsApi {
    private final ConnectionStore connections;
    private final SyncRequestStore requests;
    private final ConnectionSetup setup;
    private final GroupsApi groups;
    private final ConnectionEvents events;
    private final ConnectorSdkPackagesApi packages;

    public ConnectionsApi(ConnectionStore connections, SyncRequestStore requests, ConnectionSetup setup,
                          GroupsApi groups, EventPublisher events, ConnectorSdkPackagesApi packages) {
        this.connections = connections;
        this.requests = requests;
        this.setup = setup;
        this.groups = groups;
        this.events = new ConnectionEvents(events);
        this.packages = packages;
    }

    ConnectionEvents events() {
        return events;
    }

    public void register(Router router) {
        router.get("/v1/connections", ctx -> list(ctx, blankToNull(ctx.queryParam("group_id"))));
        router.get("/v1/groups/{groupId}/connections", ctx -> list(ctx, groups.require(ctx.pathParam("groupId")).id()));
        router.post("/v1/connections", Permission.MANAGE_CONNECTIONS, this::create);
        router.get("/v1/connections/{connectionId}", ctx -> Json.ok(ctx, ConnectionView.of(ctx,
                require(ctx.pathParam("connectionId")))));
        router.patch("/v1/connections/{connectionId}", Permission.MANAGE_CONNECTIONS, this::update);
        router.delete("/v1/connections/{connectionId}", Permission.MANAGE_CONNECTIONS, this::delete);
    }

    /** The connection, or 404 {@code NotFound_Connection}. */
    public Row require(String id) {
        return connections.find(id).orElseThrow(() -> ApiException.notFound("Connection", id));
    }

    private void list(Context ctx, String groupId) {
        Paging paging = Paging.of(ctx);
        List<Connection> items = connections.list(groupId, blankToNull(ctx.queryParam("schema")), paging.skip(),
                paging.fetch()).stream().map(r -> ConnectionView.of(ctx, r)).toList();
        Json.page(ctx, paging.page(items));
    }

    private void create(Context ctx) {
        ConnectionRequest req = Json.body(ctx, ConnectionRequest.class);
        if (req.groupId() == null || req.groupId().isBlank()) {
            throw ApiException.required("group_id");
        }
        ConnectorService service = ConnectorService.of(req.service());
        groups.require(req.groupId());
        rejectAuth(req.auth());
        Map<String, Object> config = service.validate(req.config() == null ? Map.of() : req.config());
        String packageId = packageId(config);
        if (packageId != null) {
            packages.requireFreeFor(packageId, null);
        }
        ConnectionSettings settings = ConnectionRules.forCreate(req);
        ConnectionRunStatus status = ConnectionRunStatus.initial()
                .withSchemaStatus(ConnectionRules.schemaStatus(req.schemaStatus(), null));
        Row row = new Row(Ids.next(), req.groupId(), service.name(), 0, service.schema(config),
                Router.caller(ctx).key(), Instant.now(), settings, config, status);
        if (!Boolean.FALSE.equals(req.runSetupTests())) {
            row = row.with(settings, config, setup.run(row));
        }
        try {
            connections.insert(row);
        } catch (Jdbc.DuplicateException | Jdbc.ReferenceException e) {
            if (packageId != null) {
                packages.requireFreeFor(packageId, null); // another connection took the package meanwhile
            }
            if (e instanceof Jdbc.ReferenceException) {
                throw e;
            }
            throw ApiException.conflict("Group '" + row.groupId() + "' already has a connection with schema '"
                    + row.schema() + "'");
        }
        events.created(row);
        Json.created(ctx, "Connection has been created", ConnectionView.of(ctx, require(row.id())));
    }

    private void update(Context ctx) {
        Row old = require(ctx.pathParam("connectionId"));
        ConnectionRequest req = Json.body(ctx, ConnectionRequest.class);
        if (!ConnectionRules.hasPersistentField(req)) {
            throw ApiException.invalid("Set at least one persistent field, such as 'paused', 'sync_frequency' or "
                    + "'config'; to run the setup tests alone, use POST /v1/connections/" + old.id() + "/test");
        }
        rejectAuth(req.auth());
        ConnectionSettings settings = ConnectionRules.forUpdate(old.settings(), req);
        Map<String, Object> config = req.config() == null ? old.config()
                : ConnectorService.of(old.service()).merge(old.config(), req.config());
        String packageId = packageId(config);
        boolean movesPackage = !Objects.equals(packageId, packageId(old.config()));
        if (movesPackage && packageId != null) {
            packages.requireFreeFor(packageId, old.id());
        }
        ConnectionRunStatus status = old.status()
                .withSchemaStatus(ConnectionRules.schemaStatus(req.schemaStatus(), old.status().schemaStatus()));
        if (Boolean.TRUE.equals(req.isHistoricalSync())) {
            requests.record(old.id(), SyncRequestStore.Kind.RESYNC, false, null, Router.caller(ctx).key());
            status = status.withHistoricalSync(true);
        }
        Row row = old.with(settings, config, status);
        boolean retest = Boolean.TRUE.equals(req.runSetupTests())
                || !config.equals(old.config()) && !Boolean.FALSE.equals(req.runSetupTests());
        if (retest) {
            row = row.with(settings, config, setup.run(row));
        }
        if (movesPackage) {
            updateWithPackage(row, packageId);
        } else {
            connections.update(row);
        }
        events.updated(old, row, retest);
        Json.ok(ctx, "Connection has been updated", ConnectionView.of(ctx, require(row.id())));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("connectionId");
        Row row = require(id);
        if (!connections.delete(id)) {
            throw ApiException.notFound("Connection", id);
        }
        events.deleted(row);
        Json.message(ctx, "Connection with id '" + id + "' has been deleted");
    }

    private void updateWithPackage(Row row, String packageId) {
        try {
            connections.updateWithPackage(row);
        } catch (Jdbc.DuplicateException | Jdbc.ReferenceException e) {
            if (packageId != null) {
                packages.requireFreeFor(packageId, row.id()); // another connection took the package meanwhile
            }
            throw e;
        }
    }

    /** The Connector SDK package a connection's config names, or null. */
    private static String packageId(Map<String, Object> config) {
        Object id = config.get("package_id");
        return id == null ? null : id.toString();
    }

    /** No service the server runs takes {@code auth}; an empty object is tolerated, as clients send one. */
    private static void rejectAuth(Map<String, Object> auth) {
        if (auth != null && !auth.isEmpty()) {
            throw ApiException.invalid("Field 'auth' is not used by this connector service; put credentials in "
                    + "'config'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
