package io.tributary.runtime.schema;

import io.tributary.sdk.ColumnType;

/** A destination column as the runtime types it. */
public record ColumnSchema(String name, ColumnType type, boolean primaryKey) {

    public ColumnSchema withType(ColumnType newType) {
        return new ColumnSchema(name, newType, primaryKey);
    }
}
