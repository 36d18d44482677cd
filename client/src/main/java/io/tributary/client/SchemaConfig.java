package io.tributary.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connection's schema config as the API shows it: every schema and table by source name, and of the columns
 * only those a user set or that are excluded ({@link Schemas#columns} lists them all). Maps keep the API's order
 * and are never null.
 */
public record SchemaConfig(String schemaChangeHandling, boolean enableNewByDefault, boolean isTypeLocked,
                           Map<String, Schema> schemas) {
    public SchemaConfig {
        schemas = ordered(schemas);
    }

    public record Schema(String nameInDestination, boolean enabled, Map<String, Table> tables) {
        public Schema {
            tables = ordered(tables);
        }
    }

    /** {@code syncMode} is null when the table cannot switch modes. */
    public record Table(String nameInDestination, boolean enabled, String syncMode, boolean supportsColumnsConfig,
                        boolean supportsHistoryMode, PatchSettings enabledPatchSettings, Map<String, Column> columns) {
        public Table {
            columns = ordered(columns);
            enabledPatchSettings = enabledPatchSettings == null ? PatchSettings.ALLOWED : enabledPatchSettings;
        }
    }

    /** {@code isPrimaryKey} is null when the API does not say. */
    public record Column(String nameInDestination, boolean enabled, boolean hashed, Boolean isPrimaryKey,
                         PatchSettings enabledPatchSettings) {
        public Column {
            enabledPatchSettings = enabledPatchSettings == null ? PatchSettings.ALLOWED : enabledPatchSettings;
        }
    }

    /** Whether {@code enabled} may be changed, and if not why ({@code reason_code} e.g. SYSTEM_TABLE, DELETED). */
    public record PatchSettings(boolean allowed, String reasonCode, String reason) {
        static final PatchSettings ALLOWED = new PatchSettings(true, null, null);
    }

    /** {@code {"columns": {...}}}: the answer of the columns endpoint. */
    record Columns(Map<String, Column> columns) {
    }

    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
