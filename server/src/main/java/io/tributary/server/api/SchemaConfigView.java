package io.tributary.server.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.server.http.Json;
import io.tributary.server.schemas.Lock;
import io.tributary.server.schemas.SchemaChangeHandling;
import io.tributary.server.schemas.SchemaConfig;

/**
 * A schema config as the API shows it (StandardConfigResponse): every schema and table, and of the columns only
 * those a user set or that are excluded; the columns endpoint shows them all.
 */
final class SchemaConfigView {
    private SchemaConfigView() {
    }

    static ObjectNode of(SchemaConfig config) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        // A legacy echo of the handling, which the definition still documents.
        out.put("enable_new_by_default", config.handling() == SchemaChangeHandling.ALLOW_ALL);
        out.put("schema_change_handling", config.handling().name());
        out.put("is_type_locked", config.typeLocked());
        ObjectNode schemas = out.putObject("schemas");
        for (SchemaConfig.Schema s : config.schemas().values()) {
            ObjectNode schema = schemas.putObject(s.name());
            schema.put("name_in_destination", s.nameInDestination());
            schema.put("enabled", s.enabled());
            ObjectNode tables = schema.putObject("tables");
            for (SchemaConfig.Table t : s.tables().values()) {
                tables.set(t.name(), table(config, t));
            }
        }
        return out;
    }

    /** {@code {"columns": {...}}} with every known column of the table. */
    static ObjectNode columns(SchemaConfig config, SchemaConfig.Table table) {
        ObjectNode out = Json.MAPPER.createObjectNode();
        ObjectNode columns = out.putObject("columns");
        table.columns().values().forEach(c -> columns.set(c.name(), column(config, c)));
        return out;
    }

    private static ObjectNode table(SchemaConfig config, SchemaConfig.Table t) {
        ObjectNode table = Json.MAPPER.createObjectNode();
        table.put("name_in_destination", t.nameInDestination());
        table.put("enabled", t.enabled());
        if (t.syncMode() != null) {
            table.put("sync_mode", t.syncMode().name());
        }
        table.put("supports_columns_config", t.supportsColumnsConfig());
        table.put("supports_history_mode", t.supportsHistoryMode());
        table.set("enabled_patch_settings", patchSettings(config.lockOf(t.lock(), t.inSource())));
        ObjectNode columns = table.putObject("columns");
        for (SchemaConfig.Column c : t.columns().values()) {
            if (c.userSet() || !c.enabled()) {
                columns.set(c.name(), column(config, c));
            }
        }
        return table;
    }

    private static ObjectNode column(SchemaConfig config, SchemaConfig.Column c) {
        ObjectNode column = Json.MAPPER.createObjectNode();
        column.put("name_in_destination", c.nameInDestination());
        column.put("enabled", c.enabled());
        column.put("hashed", c.hashed());
        if (c.primaryKey() != null) {
            column.put("is_primary_key", c.primaryKey());
        }
        column.set("enabled_patch_settings", patchSettings(config.lockOf(c.lock(), c.inSource())));
        return column;
    }

    private static ObjectNode patchSettings(Lock lock) {
        ObjectNode settings = Json.MAPPER.createObjectNode();
        settings.put("allowed", lock == null);
        if (lock != null) {
            settings.put("reason_code", lock.reasonCode());
            if (lock.reason() != null) {
                settings.put("reason", lock.reason());
            }
        }
        return settings;
    }
}
