package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code /v1/connections/{id}/schemas}: a connection's schema config, its schemas, tables and columns. */
public final class Schemas {
    /** What a reload does to whether schemas and tables are enabled. */
    public enum ExcludeMode { PRESERVE, EXCLUDE, INCLUDE }

    private final TributaryClient client;

    Schemas(TributaryClient client) {
        this.client = client;
    }

    /** The config; an ApiError {@code NotFound_SchemaConfig} before the first reload, capture or create. */
    public SchemaConfig get(String connectionId) {
        return config(client.call("GET", path(connectionId), null));
    }

    /** The config, or empty while the connection has none (only that 404 is taken as "none"). */
    public Optional<SchemaConfig> find(String connectionId) {
        try {
            return Optional.of(get(connectionId));
        } catch (ApiError e) {
            if (e.status() == 404 && "NotFound_SchemaConfig".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Sets up the config of a connection that has none yet, exactly as the request says. */
    public SchemaConfig create(String connectionId, SchemaConfigRequest request) {
        return config(client.call("POST", path(connectionId), request));
    }

    /** Reads the source's schema again (slow); creates the config when there is none. */
    public SchemaConfig reload(String connectionId, ExcludeMode mode) {
        return config(client.callSlow("POST", path(connectionId) + "/reload", Map.of("exclude_mode", mode.name())));
    }

    /** Changes the whole config in one request: all of it applies, or none. */
    public SchemaConfig patch(String connectionId, SchemaConfigRequest request) {
        return config(client.call("PATCH", path(connectionId), request));
    }

    public SchemaConfig patchSchema(String connectionId, String schema, SchemaConfigRequest.Schema request) {
        return config(client.call("PATCH", path(connectionId) + "/" + TributaryClient.segment(schema), request));
    }

    public SchemaConfig patchTable(String connectionId, String schema, String table,
                                   SchemaConfigRequest.Table request) {
        return config(client.call("PATCH", tablePath(connectionId, schema, table), request));
    }

    public SchemaConfig patchColumn(String connectionId, String schema, String table, String column,
                                    SchemaConfigRequest.Column request) {
        return config(client.call("PATCH", tablePath(connectionId, schema, table) + "/columns/"
                + TributaryClient.segment(column), request));
    }

    /** Every column of a table by source name, not only those the config shows. */
    public Map<String, SchemaConfig.Column> columns(String connectionId, String schema, String table) {
        return client.read(client.call("GET", tablePath(connectionId, schema, table) + "/columns", null)
                .path("data"), SchemaConfig.Columns.class).columns();
    }

    /** Re-syncs the given tables, by schema. */
    public void resyncTables(String connectionId, Map<String, List<String>> scope) {
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("name at least one table to re-sync");
        }
        client.call("POST", path(connectionId) + "/tables/resync", scope);
    }

    static String path(String connectionId) {
        return Connections.path(connectionId) + "/schemas";
    }

    private static String tablePath(String connectionId, String schema, String table) {
        return path(connectionId) + "/" + TributaryClient.segment(schema) + "/tables/" + TributaryClient.segment(table);
    }

    private SchemaConfig config(JsonNode envelope) {
        return client.read(envelope.path("data"), SchemaConfig.class);
    }
}
