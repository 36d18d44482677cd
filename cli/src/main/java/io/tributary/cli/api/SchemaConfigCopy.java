package io.tributary.cli.api;

import io.tributary.client.ApiError;
import io.tributary.client.SchemaConfig;
import io.tributary.client.SchemaConfigRequest;
import io.tributary.client.Schemas;
import io.tributary.client.TributaryClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source connection's schema config as a request that sets up the same choices on another connection: what is
 * enabled, hashed and how tables sync, and how new objects are handled. Objects deleted from the source are left
 * out, and so is whether the source may change {@code enabled} (the target decides that for itself).
 */
final class SchemaConfigCopy {
    private SchemaConfigCopy() {
    }

    static SchemaConfigRequest of(SchemaConfig source) {
        Map<String, SchemaConfigRequest.Schema> schemas = new LinkedHashMap<>();
        source.schemas().forEach((schemaName, schema) -> {
            Map<String, SchemaConfigRequest.Table> tables = new LinkedHashMap<>();
            schema.tables().forEach((tableName, table) -> {
                if (deleted(table.enabledPatchSettings())) {
                    return;
                }
                Map<String, SchemaConfigRequest.Column> columns = new LinkedHashMap<>();
                table.columns().forEach((columnName, column) -> {
                    if (!deleted(column.enabledPatchSettings())) {
                        // is_primary_key is the connector's to declare, so it is not copied.
                        columns.put(columnName, new SchemaConfigRequest.Column(column.enabled(), column.hashed(), null));
                    }
                });
                tables.put(tableName, new SchemaConfigRequest.Table(table.enabled(), table.syncMode(),
                        columns.isEmpty() ? null : columns));
            });
            schemas.put(schemaName, new SchemaConfigRequest.Schema(schema.enabled(), tables.isEmpty() ? null : tables));
        });
        return new SchemaConfigRequest(source.schemaChangeHandling(), source.isTypeLocked(), schemas);
    }

    /**
     * Applies the copy to a connection: sets its config up when it has none (a new connection, before its source
     * is captured); when it has one already, reloads it and PATCHes the copy onto it in one request.
     */
    static SchemaConfig apply(TributaryClient client, String connectionId, SchemaConfigRequest copy) {
        try {
            return client.schemas().create(connectionId, copy);
        } catch (ApiError e) {
            if (e.status() != 409) {
                throw e;
            }
        }
        client.schemas().reload(connectionId, Schemas.ExcludeMode.PRESERVE);
        return client.schemas().patch(connectionId, copy);
    }

    private static boolean deleted(SchemaConfig.PatchSettings settings) {
        return !settings.allowed() && "DELETED".equals(settings.reasonCode());
    }
}
