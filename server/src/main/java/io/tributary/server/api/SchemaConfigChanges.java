package io.tributary.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.http.ApiException;
import io.tributary.server.schemas.Lock;
import io.tributary.server.schemas.SchemaChangeHandling;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.schemas.SyncMode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * Schema config request bodies applied to a config in memory: the whole body is checked as it is applied, and the
 * caller saves only when no error was thrown, so a bad field anywhere leaves the stored config unchanged. Errors
 * name the field by its path in the body, e.g. {@code schemas.shop.tables.orders.columns.email.hashed}.
 */
final class SchemaConfigChanges {
    /** What a reload does to the enabled state of every schema and table. */
    enum ExcludeMode { PRESERVE, EXCLUDE, INCLUDE }

    @FunctionalInterface
    private interface Member {
        void apply(String name, JsonNode value, String path);
    }

    private SchemaConfigChanges() {
    }

    /** POST .../schemas: a config set up before the source's schema is captured, exactly as the request says. */
    static SchemaConfig create(String connectionId, ObjectNode body) {
        SchemaChangeHandling handling = enumValue(body, "", "schema_change_handling", SchemaChangeHandling.class);
        SchemaConfig config = SchemaConfig.fresh(connectionId,
                handling == null ? SchemaChangeHandling.ALLOW_ALL : handling);
        Boolean typeLocked = bool(body, "", "is_type_locked");
        config.typeLocked(Boolean.TRUE.equals(typeLocked));
        members(body, "", "schemas", (schemaName, schemaNode, schemaPath) -> {
            ObjectNode s = object(schemaNode, schemaPath);
            SchemaConfig.Schema schema = config.addSchema(new SchemaConfig.Schema(checkName(schemaName, schemaPath),
                    schemaName, requiredBool(s, schemaPath, "enabled"), false));
            members(s, schemaPath, "tables", (tableName, tableNode, tablePath) -> {
                ObjectNode t = object(tableNode, tablePath);
                SchemaConfig.Table table = schema.addTable(new SchemaConfig.Table(checkName(tableName, tablePath),
                        tableName, requiredBool(t, tablePath, "enabled"),
                        enumValue(t, tablePath, "sync_mode", SyncMode.class), true, false, null, false));
                members(t, tablePath, "columns", (columnName, columnNode, columnPath) -> {
                    ObjectNode c = object(columnNode, columnPath);
                    table.addColumn(new SchemaConfig.Column(checkName(columnName, columnPath), columnName,
                            requiredBool(c, columnPath, "enabled"), Boolean.TRUE.equals(bool(c, columnPath, "hashed")),
                            bool(c, columnPath, "is_primary_key"), null, true, false));
                });
            });
        });
        return config;
    }

    /** PATCH .../schemas. */
    static void patchConfig(SchemaConfig config, ObjectNode body) {
        requireAny(body, "schemas", "schema_change_handling", "is_type_locked");
        SchemaChangeHandling handling = enumValue(body, "", "schema_change_handling", SchemaChangeHandling.class);
        if (handling != null) {
            config.handling(handling);
        }
        Boolean typeLocked = bool(body, "", "is_type_locked");
        if (typeLocked != null) {
            config.typeLocked(typeLocked);
        }
        members(body, "", "schemas", (name, node, path) -> patchSchema(config, schema(config, name), node, path));
    }

    /** PATCH .../schemas/{schema}. */
    static void patchSchema(SchemaConfig config, String schemaName, ObjectNode body) {
        requireAny(body, "enabled", "tables");
        patchSchema(config, schema(config, schemaName), body, "");
    }

    /** PATCH .../schemas/{schema}/tables/{table}. */
    static void patchTable(SchemaConfig config, String schemaName, String tableName, ObjectNode body) {
        requireAny(body, "enabled", "sync_mode", "columns");
        SchemaConfig.Schema schema = schema(config, schemaName);
        patchTable(config, schema, table(config, schema, tableName), body, "");
    }

    /** PATCH .../schemas/{schema}/tables/{table}/columns/{column}. */
    static void patchColumn(SchemaConfig config, String schemaName, String tableName, String columnName,
                            ObjectNode body) {
        requireAny(body, "enabled", "hashed", "is_primary_key");
        SchemaConfig.Schema schema = schema(config, schemaName);
        SchemaConfig.Table table = table(config, schema, tableName);
        patchColumn(config, table, column(config, schema, table, columnName), body, "");
    }

    /** POST .../schemas/reload: EXCLUDE disables, INCLUDE enables every schema and table users may change. */
    static void reload(SchemaConfig config, ExcludeMode mode) {
        if (mode == ExcludeMode.PRESERVE) {
            return;
        }
        boolean enabled = mode == ExcludeMode.INCLUDE;
        for (SchemaConfig.Schema schema : config.schemas().values()) {
            schema.enabled(enabled);
            for (SchemaConfig.Table table : schema.tables().values()) {
                if (config.lockOf(table.lock(), table.inSource()) == null) {
                    table.enabled(enabled);
                }
            }
        }
    }

    static ExcludeMode excludeMode(ObjectNode body) {
        ExcludeMode mode = enumValue(body, "", "exclude_mode", ExcludeMode.class);
        return mode == null ? ExcludeMode.PRESERVE : mode;
    }

    private static void patchSchema(SchemaConfig config, SchemaConfig.Schema schema, JsonNode node, String path) {
        ObjectNode body = object(node, path);
        Boolean enabled = bool(body, path, "enabled");
        if (enabled != null) {
            schema.enabled(enabled);
        }
        members(body, path, "tables", (name, value, tablePath) ->
                patchTable(config, schema, table(config, schema, name), value, tablePath));
    }

    private static void patchTable(SchemaConfig config, SchemaConfig.Schema schema, SchemaConfig.Table table,
                                   JsonNode node, String path) {
        ObjectNode body = object(node, path);
        Boolean enabled = bool(body, path, "enabled");
        if (enabled != null) {
            checkUnlocked(config.lockOf(table.lock(), table.inSource()), table.enabled(), enabled,
                    field(path, "enabled"), "table '" + table.name() + "'");
            table.enabled(enabled);
        }
        SyncMode mode = enumValue(body, path, "sync_mode", SyncMode.class);
        if (mode != null) {
            // Before a capture nobody knows whether the table can switch; a capture resets what it cannot honour.
            if (config.capturedAt() != null && !table.supportsHistoryMode() && mode != SyncMode.SOFT_DELETE) {
                throw ApiException.invalid("Field '" + field(path, "sync_mode") + "' cannot be " + mode + ": table '"
                        + table.name() + "' does not support switching sync modes (it syncs with soft deletes)");
            }
            table.syncMode(table.supportsHistoryMode() || config.capturedAt() == null ? mode : null);
        }
        if (body.hasNonNull("columns") && !table.supportsColumnsConfig()) {
            throw ApiException.invalid("Field '" + field(path, "columns") + "' is not allowed: table '"
                    + table.name() + "' does not support column settings");
        }
        members(body, path, "columns", (name, value, columnPath) ->
                patchColumn(config, table, column(config, schema, table, name), value, columnPath));
    }

    private static void patchColumn(SchemaConfig config, SchemaConfig.Table table, SchemaConfig.Column column,
                                    JsonNode node, String path) {
        ObjectNode body = object(node, path);
        Boolean enabled = bool(body, path, "enabled");
        Boolean hashed = bool(body, path, "hashed");
        Boolean primaryKey = bool(body, path, "is_primary_key");
        if (enabled != null) {
            checkUnlocked(config.lockOf(column.lock(), column.inSource()), column.enabled(), enabled,
                    field(path, "enabled"), "column '" + column.name() + "' of table '" + table.name() + "'");
            column.enabled(enabled);
        }
        if (hashed != null) {
            column.hashed(hashed);
        }
        if (primaryKey != null && !primaryKey.equals(column.primaryKey())) {
            // The connector declares its tables' keys; before a capture the setting is kept as set up.
            if (column.inSource()) {
                throw ApiException.invalid("Field '" + field(path, "is_primary_key") + "' cannot be changed: the "
                        + "connector declares the primary key of table '" + table.name() + "'");
            }
            column.primaryKey(primaryKey);
        }
        column.markUserSet();
    }

    /** A change of {@code enabled} where the source forbids it; sending the current value is harmless. */
    private static void checkUnlocked(Lock lock, boolean current, boolean wanted, String field, String what) {
        if (lock != null && current != wanted) {
            throw ApiException.invalid("Field '" + field + "' cannot be changed: " + what + " cannot be "
                    + (wanted ? "included" : "excluded") + " because " + lock.explanation());
        }
    }

    /** The schema, or 404 naming it. */
    static SchemaConfig.Schema schema(SchemaConfig config, String name) {
        SchemaConfig.Schema schema = config.schema(name);
        if (schema == null) {
            throw new ApiException(404, "NotFound_SchemaConfig", "Schema '" + name + "' doesn't exist in the schema "
                    + "config of connection '" + config.connectionId() + "'");
        }
        return schema;
    }

    /** The table, or 404 naming it. */
    static SchemaConfig.Table table(SchemaConfig config, SchemaConfig.Schema schema, String name) {
        SchemaConfig.Table table = schema.table(name);
        if (table == null) {
            throw new ApiException(404, "NotFound_TableConfig", "Table '" + name + "' doesn't exist in schema '"
                    + schema.name() + "' of the schema config of connection '" + config.connectionId() + "'");
        }
        return table;
    }

    private static SchemaConfig.Column column(SchemaConfig config, SchemaConfig.Schema schema,
                                              SchemaConfig.Table table, String name) {
        SchemaConfig.Column column = table.column(name);
        if (column == null) {
            throw new ApiException(404, "NotFound_ColumnConfig", "Column '" + name + "' doesn't exist in table '"
                    + schema.name() + "'.'" + table.name() + "' of the schema config of connection '"
                    + config.connectionId() + "'");
        }
        return column;
    }

    /** Each member of the object {@code key} (absent or null: none), with its path. */
    private static void members(ObjectNode body, String path, String key, Member member) {
        JsonNode map = body.get(key);
        if (map == null || map.isNull()) {
            return;
        }
        String mapPath = field(path, key);
        if (!map.isObject()) {
            throw ApiException.invalid("Field '" + mapPath + "' must be an object keyed by name");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = map.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            member.apply(f.getKey(), f.getValue(), field(mapPath, f.getKey()));
        }
    }

    private static ObjectNode object(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw ApiException.invalid("Field '" + path + "' must be an object");
        }
        return (ObjectNode) node;
    }

    private static String checkName(String name, String path) {
        if (name.isBlank() || name.length() > SchemaConfig.MAX_NAME) {
            throw ApiException.invalid("Field '" + path + "' must be named by 1 to " + SchemaConfig.MAX_NAME
                    + " characters");
        }
        return name;
    }

    /** A boolean, or null when absent or null; "true"/"false" strings count, as elsewhere in the API. */
    private static Boolean bool(ObjectNode body, String path, String key) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw ApiException.invalid("Field '" + field(path, key) + "' must be true or false");
    }

    private static boolean requiredBool(ObjectNode body, String path, String key) {
        Boolean v = bool(body, path, key);
        if (v == null) {
            throw ApiException.required(field(path, key));
        }
        return v;
    }

    private static <E extends Enum<E>> E enumValue(ObjectNode body, String path, String key, Class<E> type) {
        JsonNode v = body.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(v.textValue())) {
                    return e;
                }
            }
        }
        throw ApiException.invalid("Field '" + field(path, key) + "' must be one of "
                + Arrays.toString(type.getEnumConstants()) + "; got " + v);
    }

    private static void requireAny(ObjectNode body, String... keys) {
        for (String key : keys) {
            if (body.hasNonNull(key)) {
                return;
            }
        }
        throw ApiException.invalid("Set at least one of the fields " + String.join(", ", keys));
    }

    private static String field(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
