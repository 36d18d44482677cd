package io.tributary.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Router;
import io.tributary.server.schemas.SchemaChangeHandling;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SchemaConfigStore;
import io.tributary.server.store.SchemaConfigStore.ConcurrentChangeException;
import io.tributary.server.store.SyncRequestStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A connection's schema config: {@code /v1/connections/{id}/schemas} and its schemas, tables and columns. The
 * server does not read sources itself: the config's objects come from captures the orchestrator records
 * ({@link SchemaConfigStore#discover}), and from what users set up before the first one.
 */
public final class SchemaConfigApi {
    private static final String BASE = "/v1/connections/{connectionId}/schemas";
    private final ConnectionsApi connections;
    private final SchemaConfigStore configs;
    private final SyncRequestStore requests;

    public SchemaConfigApi(ConnectionsApi connections, SchemaConfigStore configs, SyncRequestStore requests) {
        this.connections = connections;
        this.configs = configs;
        this.requests = requests;
    }

    public void register(Router router) {
        router.get(BASE, ctx -> Json.ok(ctx, SchemaConfigView.of(require(ctx))));
        router.post(BASE, Permission.MANAGE_CONNECTIONS, this::create);
        router.patch(BASE, Permission.MANAGE_CONNECTIONS, ctx -> change(ctx, SchemaConfigChanges::patchConfig));
        router.post(BASE + "/reload", Permission.MANAGE_CONNECTIONS, this::reload);
        router.patch(BASE + "/{schemaName}", Permission.MANAGE_CONNECTIONS, ctx -> change(ctx,
                (config, body) -> SchemaConfigChanges.patchSchema(config, ctx.pathParam("schemaName"), body)));
        router.patch(BASE + "/{schemaName}/tables/{tableName}", Permission.MANAGE_CONNECTIONS, ctx -> change(ctx,
                (config, body) -> SchemaConfigChanges.patchTable(config, ctx.pathParam("schemaName"),
                        ctx.pathParam("tableName"), body)));
        router.patch(BASE + "/{schemaName}/tables/{tableName}/columns/{columnName}", Permission.MANAGE_CONNECTIONS,
                ctx -> change(ctx, (config, body) -> SchemaConfigChanges.patchColumn(config,
                        ctx.pathParam("schemaName"), ctx.pathParam("tableName"), ctx.pathParam("columnName"), body)));
        router.get(BASE + "/{schemaName}/tables/{tableName}/columns", this::columns);
        router.post(BASE + "/tables/resync", Permission.MANAGE_CONNECTIONS, this::resyncTables);
        // go-fivetran's one-table form, absent from the current definition.
        router.post(BASE + "/{schemaName}/tables/{tableName}/resync", Permission.MANAGE_CONNECTIONS, ctx -> {
            String id = connections.require(ctx.pathParam("connectionId")).id();
            Json.body(ctx);
            resync(ctx, id, Map.of(ctx.pathParam("schemaName"), List.of(ctx.pathParam("tableName"))));
        });
    }

    /** The connection's config, or 404 {@code NotFound_SchemaConfig} (after the connection's own 404). */
    private SchemaConfig require(Context ctx) {
        return stored(connections.require(ctx.pathParam("connectionId")).id());
    }

    /** 404 {@code NotFound_SchemaConfig}, in the reference's words. */
    static ApiException missing(String connectionId) {
        return new ApiException(404, "NotFound_SchemaConfig", "Connection with id '" + connectionId
                + "' doesn't have schema config");
    }

    /** Set up before the first capture only: afterwards the config exists and PATCH changes it. */
    private void create(Context ctx) {
        String id = connections.require(ctx.pathParam("connectionId")).id();
        ObjectNode body = Json.body(ctx);
        SchemaConfig config = SchemaConfigChanges.create(id, body);
        try {
            configs.insert(config);
        } catch (Jdbc.DuplicateException e) {
            throw ApiException.conflict("Connection with id '" + id + "' already has a schema config; change it with "
                    + "PATCH /v1/connections/" + id + "/schemas");
        }
        Json.ok(ctx, "Schema config has been set up", SchemaConfigView.of(stored(id)));
    }

    /**
     * Creates the config when there is none, as Fivetran's first reload does, and applies {@code exclude_mode}.
     * The source itself is re-read by the orchestrator's next capture; until then the stored objects stand.
     */
    private void reload(Context ctx) {
        String id = connections.require(ctx.pathParam("connectionId")).id();
        SchemaConfigChanges.ExcludeMode mode = SchemaConfigChanges.excludeMode(Json.body(ctx));
        SchemaConfig config = configs.find(id).orElse(null);
        if (config == null) {
            try {
                configs.insert(SchemaConfig.fresh(id, SchemaChangeHandling.ALLOW_ALL));
            } catch (Jdbc.DuplicateException concurrentReload) {
                // another reload created it first: reload that one
            }
            config = stored(id);
        }
        SchemaConfigChanges.reload(config, mode);
        save(config);
        Json.ok(ctx, SchemaConfigView.of(stored(id)));
    }

    private void change(Context ctx, BiConsumer<SchemaConfig, ObjectNode> change) {
        SchemaConfig config = require(ctx);
        change.accept(config, Json.body(ctx));
        save(config);
        Json.ok(ctx, SchemaConfigView.of(stored(config.connectionId())));
    }

    private void columns(Context ctx) {
        SchemaConfig config = require(ctx);
        SchemaConfig.Schema schema = SchemaConfigChanges.schema(config, ctx.pathParam("schemaName"));
        SchemaConfig.Table table = SchemaConfigChanges.table(config, schema, ctx.pathParam("tableName"));
        Json.ok(ctx, SchemaConfigView.columns(config, table));
    }

    /** The body is the scope itself: {@code {"<schema>": ["<table>", …]}}. */
    private void resyncTables(Context ctx) {
        String id = connections.require(ctx.pathParam("connectionId")).id();
        Map<String, List<String>> scope = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = Json.body(ctx).fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getValue().isArray()) {
                throw ApiException.invalid("Field '" + f.getKey() + "' must be a list of table names");
            }
            List<String> tables = new ArrayList<>();
            for (JsonNode t : f.getValue()) {
                tables.add(t.isTextual() ? t.asText() : null);
            }
            scope.put(f.getKey(), tables);
        }
        ConnectionActionsApi.checkScope(scope, null);
        resync(ctx, id, scope);
    }

    /**
     * Records the re-sync for the orchestrator. Once the source's schema was captured, the tables must be in the
     * config (404 naming the first unknown one); before that only the orchestrator can tell.
     */
    private void resync(Context ctx, String id, Map<String, List<String>> scope) {
        SchemaConfig config = configs.find(id).orElse(null);
        if (config != null && config.capturedAt() != null) {
            scope.forEach((schemaName, tables) -> {
                SchemaConfig.Schema schema = SchemaConfigChanges.schema(config, schemaName);
                tables.forEach(table -> SchemaConfigChanges.table(config, schema, table));
            });
        }
        requests.record(id, SyncRequestStore.Kind.RESYNC, false, scope, Router.caller(ctx).key());
        Json.message(ctx, "Re-sync has been triggered successfully");
    }

    private void save(SchemaConfig config) {
        try {
            configs.save(config);
        } catch (ConcurrentChangeException e) {
            throw ApiException.conflict("The schema config of connection '" + config.connectionId() + "' was changed "
                    + "by another request meanwhile; read it again and retry");
        }
    }

    private SchemaConfig stored(String connectionId) {
        return configs.find(connectionId).orElseThrow(() -> missing(connectionId));
    }
}
