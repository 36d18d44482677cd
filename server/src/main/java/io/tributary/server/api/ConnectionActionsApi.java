package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.model.ResyncRequest;
import io.tributary.api.model.SyncRequest;
import io.tributary.server.auth.Permission;
import io.tributary.server.connections.ConnectionSetup;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Router;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.ConnectionStore.Row;
import io.tributary.server.store.SyncRequestStore;
import io.tributary.server.store.SyncRequestStore.Kind;
import java.util.List;
import java.util.Map;

/**
 * A connection's actions: setup tests, sync (and its legacy name {@code force}), re-sync, and the Connect Card,
 * which needs Fivetran's hosted setup form and so is not supported. Syncs are recorded for the orchestrator; 200
 * means "triggered", as in Fivetran. Table re-syncs belong to the schema config ({@link SchemaConfigApi}).
 */
public final class ConnectionActionsApi {
    private final ConnectionsApi connectionsApi;
    private final ConnectionStore connections;
    private final SyncRequestStore requests;
    private final ConnectionSetup setup;

    public ConnectionActionsApi(ConnectionsApi connectionsApi, ConnectionStore connections, SyncRequestStore requests,
                                ConnectionSetup setup) {
        this.connectionsApi = connectionsApi;
        this.connections = connections;
        this.requests = requests;
        this.setup = setup;
    }

    public void register(Router router) {
        router.post("/v1/connections/{connectionId}/test", Permission.MANAGE_CONNECTIONS, this::test);
        router.post("/v1/connections/{connectionId}/sync", Permission.MANAGE_CONNECTIONS, this::sync);
        router.post("/v1/connections/{connectionId}/force", Permission.MANAGE_CONNECTIONS, this::sync);
        router.post("/v1/connections/{connectionId}/resync", Permission.MANAGE_CONNECTIONS, this::resync);
        router.post("/v1/connections/{connectionId}/connect-card", Permission.MANAGE_CONNECTIONS, this::connectCard);
    }

    private void test(Context ctx) {
        Row old = connectionsApi.require(ctx.pathParam("connectionId"));
        Json.body(ctx);
        // trust_certificates / trust_fingerprints: nothing to trust yet, as the tests open no TLS or SSH connection.
        Row row = old.with(old.settings(), old.config(), setup.run(old));
        connections.update(row);
        connectionsApi.events().tested(row);
        Json.ok(ctx, "Setup tests have been completed", ConnectionView.of(ctx, connectionsApi.require(row.id())));
    }

    private void sync(Context ctx) {
        Row row = connectionsApi.require(ctx.pathParam("connectionId"));
        SyncRequest req = Json.body(ctx, SyncRequest.class);
        requests.record(row.id(), Kind.SYNC, Boolean.TRUE.equals(req.force()), null, Router.caller(ctx).key());
        connectionsApi.events().syncRequested(row);
        Json.message(ctx, "Sync has been successfully triggered for connection with id '" + row.id() + "'");
    }

    /** A re-sync of the given tables, or of everything (a historical sync) when {@code scope} is absent or null. */
    private void resync(Context ctx) {
        Row row = connectionsApi.require(ctx.pathParam("connectionId"));
        Map<String, List<String>> scope = Json.body(ctx, ResyncRequest.class).scope();
        if (scope != null) {
            checkScope(scope, "scope");
        } else {
            connections.update(row.with(row.settings(), row.config(), row.status().withHistoricalSync(true)));
        }
        requests.record(row.id(), Kind.RESYNC, false, scope, Router.caller(ctx).key());
        connectionsApi.events().resyncRequested(row, scope);
        // The definition's own message for a re-sync, word for word.
        Json.message(ctx, "Sync has been successfully triggered for connection with id '" + row.id() + "'");
    }

    /** Checks a re-sync scope; {@code field} names it in messages (null: the body is the scope). */
    static void checkScope(Map<String, List<String>> scope, String field) {
        String prefix = field == null ? "" : field + ".";
        if (scope.isEmpty()) {
            throw ApiException.invalid(field == null
                    ? "Name at least one schema and its tables, as {\"<schema>\": [\"<table>\"]}"
                    : "Field '" + field + "' must name at least one schema and its tables; omit it to re-sync "
                    + "the whole connection");
        }
        scope.forEach((schema, tables) -> {
            if (schema.isBlank()) {
                throw ApiException.invalid("Field '" + field + "' has an empty schema name");
            }
            if (tables == null || tables.isEmpty()) {
                throw ApiException.invalid("Field '" + prefix + schema + "' must list at least one table");
            }
            if (tables.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw ApiException.invalid("Field '" + prefix + schema + "' must hold table names (non-empty text)");
            }
        });
    }

    private void connectCard(Context ctx) {
        Row row = connectionsApi.require(ctx.pathParam("connectionId"));
        Json.body(ctx);
        throw new ApiException(400, "BadRequest", "Connect Card is not supported: Tributary has no hosted setup "
                + "form. Configure the connection with PATCH /v1/connections/" + row.id() + " instead");
    }
}
