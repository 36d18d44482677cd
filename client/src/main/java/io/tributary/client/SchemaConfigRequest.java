package io.tributary.client;

import java.util.Map;

/**
 * The body of a schema config create or PATCH. Null fields are left out of the request, so a PATCH changes only
 * what it sets; names are source names. A create needs {@code enabled} on every schema, table and column it lists.
 */
public record SchemaConfigRequest(String schemaChangeHandling, Boolean isTypeLocked, Map<String, Schema> schemas) {

    public record Schema(Boolean enabled, Map<String, Table> tables) {
    }

    /** {@code syncMode}: SOFT_DELETE, HISTORY or LIVE, for tables that can switch. */
    public record Table(Boolean enabled, String syncMode, Map<String, Column> columns) {
    }

    public record Column(Boolean enabled, Boolean hashed, Boolean isPrimaryKey) {
    }
}
